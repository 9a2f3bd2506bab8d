import { downloadRoute } from "@/lib/actions/download-route";
import { emargementDownload } from "@/lib/agenda/emargement";

/** The séance's sign-in sheet (PDF), for the staff of its structure; audited without names. */
export const GET = downloadRoute(emargementDownload);
