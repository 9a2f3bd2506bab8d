import { downloadRoute } from "@/lib/actions/download-route";
import { recapitulatifDownload } from "@/lib/parcours/recapitulatif";

/** The contract summary PDF, for the staff who manage pathways; the dossier gate, audited. */
export const GET = downloadRoute(recapitulatifDownload);
