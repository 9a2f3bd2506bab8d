import { downloadRoute } from "@/lib/actions/download-route";
import { dossierLetterDownload } from "@/lib/droits/documents";

/** The receipt and the response letter from the dossier: the dossier gate, a consultation of the Droits tab, audited. */
export const GET = downloadRoute(dossierLetterDownload);
