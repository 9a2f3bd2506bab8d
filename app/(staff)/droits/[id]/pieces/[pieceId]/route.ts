import { downloadRoute } from "@/lib/actions/download-route";
import { demandePieceDownload } from "@/lib/droits/document-download";

export const GET = downloadRoute(demandePieceDownload);
