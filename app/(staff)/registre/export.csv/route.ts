import { downloadRoute } from "@/lib/actions/download-route";
import { registerCsvDownload } from "@/lib/data-map/export";

/** The register of processing activities as CSV (registre.read). */
export const GET = downloadRoute(registerCsvDownload);
