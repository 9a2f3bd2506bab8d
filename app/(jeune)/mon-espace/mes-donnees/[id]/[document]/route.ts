import { downloadRoute } from "@/lib/actions/download-route";
import { myAccessPackDownload } from "@/lib/droits/pack-download";

export const GET = downloadRoute(myAccessPackDownload);
