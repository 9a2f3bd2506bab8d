/**
 * What a young person may send for a rights request (a proof of identity the DPO asked for): PDF, JPEG or
 * PNG up to 5 MB, the type read from the first bytes (magic numbers), never from the name nor from what the
 * browser claims. A name whose extension disagrees with the bytes is kept with the extension of the bytes
 * (`carte.pdf` holding a PNG is stored as `carte.png`, image/png): the file is what its bytes say.
 */

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Bounds what one request can hold (the DPO asks for one proof; a few retries are enough). */
export const MAX_DOCUMENTS_PER_DEMANDE = 5;
export const MAX_FILENAME_LENGTH = 100;

export type DocumentType = "application/pdf" | "image/jpeg" | "image/png";

export const DOCUMENT_EXTENSIONS: Record<DocumentType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The type the bytes are, or null for anything else (an executable, a Word file, a text renamed .pdf…). */
export function detectDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, PDF)) return "application/pdf";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  return null;
}

/**
 * The name as sent, for display only (never a path): the last path segment, NFC, control and bidirectional
 * characters dropped, at most 100 characters, the extension that of the real type.
 */
export function documentFilename(raw: string, type: DocumentType): string {
  const last = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = last
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we drop
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/["<>:|?*]/g, "")
    .trim();
  const dot = cleaned.lastIndexOf(".");
  const base =
    (dot >= 0 ? cleaned.slice(0, dot) : cleaned)
      .replace(/^\.+/, "")
      .trim()
      .slice(0, MAX_FILENAME_LENGTH - 5) || "document";
  return `${base}.${DOCUMENT_EXTENSIONS[type]}`;
}

export type DocumentCheck = { ok: true; type: DocumentType; filename: string } | { ok: false; message: string };

/** FALC messages shown next to the file field. */
export const DOCUMENT_MESSAGES = {
  missing: "Choisissez un fichier sur votre téléphone ou votre ordinateur.",
  empty: "Ce fichier est vide. Choisissez un autre fichier.",
  tooBig: "Ce fichier est trop lourd. Il doit faire 5 Mo au plus. Vous pouvez prendre une photo plus petite.",
  wrongType: "Ce fichier n'est pas accepté. Envoyez un fichier PDF, ou une photo JPEG ou PNG.",
} as const;

/** `size` is the size announced by the upload, checked before its bytes are read (they are then not read at all). */
export function checkDocument(file: { name: string; size?: number; bytes: Uint8Array }): DocumentCheck {
  const size = Math.max(file.size ?? 0, file.bytes.length);
  if (size === 0) return { ok: false, message: DOCUMENT_MESSAGES.empty };
  if (size > MAX_DOCUMENT_BYTES) return { ok: false, message: DOCUMENT_MESSAGES.tooBig };
  const type = detectDocumentType(file.bytes);
  if (!type) return { ok: false, message: DOCUMENT_MESSAGES.wrongType };
  return { ok: true, type, filename: documentFilename(file.name, type) };
}

/** The last day a document of a still-open request may be kept (settings: droits.documents.conservation). */
export function documentExpired(createdAt: Date, now: Date, maxDays: number): boolean {
  return now.getTime() - createdAt.getTime() >= maxDays * 24 * 60 * 60 * 1000;
}
