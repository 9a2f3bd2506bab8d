import { downloadRoute } from "@/lib/actions/download-route";
import { isAccessPackDocument } from "@/lib/droits/access-pack";
import { accessPackDownload, demandeLetterDownload } from "@/lib/droits/documents";

const letter = downloadRoute(demandeLetterDownload);
const accessPack = downloadRoute(accessPackDownload);

/**
 * The receipt or the response letter of a request (DPO and read-only roles), or its access pack
 * (the DPO only): two downloads, chosen by the document's name.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string; document: string }> }): Promise<Response> {
  const { document } = await context.params;
  return (isAccessPackDocument(document) ? accessPack : letter)(request, context);
}
