import { downloadRoute } from "@/lib/actions/download-route";
import { registerPdfDownload } from "@/lib/data-map/export";

/** The register of processing activities as PDF (registre.read). */
export const GET = downloadRoute(registerPdfDownload);
