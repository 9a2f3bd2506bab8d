import { downloadRoute } from "@/lib/actions/download-route";
import { transmissionsDownload } from "@/lib/transmissions/export-download";

/** The transfers of the page's selection as CSV (filters from the query string); audited with its filters. */
export const GET = downloadRoute(transmissionsDownload);
