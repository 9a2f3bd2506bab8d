/** zod schema of a document a young person sends for a rights request (the bytes are checked by document-rules.ts). */
import { z } from "zod";
import { DOCUMENT_MESSAGES, checkDocument } from "./document-rules";

/** The file as the server action reads it from the form: its name as sent and its bytes. */
export interface UploadedFile {
  name: string;
  /** As announced by the upload (a file over the limit arrives with its size and no bytes). */
  size?: number;
  bytes: Uint8Array;
}

const file = z
  .custom<UploadedFile>(
    (v) =>
      typeof v === "object" &&
      v !== null &&
      typeof (v as UploadedFile).name === "string" &&
      (v as UploadedFile).bytes instanceof Uint8Array,
    { error: DOCUMENT_MESSAGES.missing },
  )
  .transform((v, ctx) => {
    const checked = checkDocument(v);
    if (!checked.ok) {
      ctx.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }
    return { ...checked, bytes: v.bytes };
  });

export const documentUploadSchema = z.object({
  demandeId: z.uuid({ error: "Demande introuvable : rechargez la page." }),
  document: file,
});
