import { downloadRoute } from "@/lib/actions/download-route";
import { registreDownload } from "@/lib/droits/registre-download";

/** Register of the rights requests of the caller's structure (admin: all), for the CNIL; audited. */
export const GET = downloadRoute(registreDownload);
