import { describe, expect, it } from "vitest";
import {
  DOCUMENT_MESSAGES,
  MAX_DOCUMENT_BYTES,
  checkDocument,
  detectDocumentType,
  documentExpired,
  documentFilename,
} from "./document-rules";

const bytes = (...b: number[]) => new Uint8Array(b);
const PNG_BYTES = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const PDF_BYTES = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
const JPEG_BYTES = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46);
const EXE_BYTES = bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0);

describe("document type from the bytes", () => {
  it("recognises PDF, PNG and JPEG by their magic numbers", () => {
    expect(detectDocumentType(PDF_BYTES)).toBe("application/pdf");
    expect(detectDocumentType(PNG_BYTES)).toBe("image/png");
    expect(detectDocumentType(JPEG_BYTES)).toBe("image/jpeg");
  });

  it("refuses anything else, whatever its name", () => {
    expect(detectDocumentType(EXE_BYTES)).toBeNull();
    expect(detectDocumentType(new TextEncoder().encode("PDF-1.7 not really"))).toBeNull();
    expect(detectDocumentType(bytes(0x89, 0x50, 0x4e))).toBeNull();
    expect(checkDocument({ name: "carte.pdf", bytes: EXE_BYTES })).toEqual({ ok: false, message: DOCUMENT_MESSAGES.wrongType });
    expect(checkDocument({ name: "page.html.pdf", bytes: new TextEncoder().encode("<html><script>") })).toMatchObject({ ok: false });
  });

  it("keeps a PNG named .pdf as a PNG, with the extension of its bytes", () => {
    expect(checkDocument({ name: "carte.pdf", bytes: PNG_BYTES })).toEqual({ ok: true, type: "image/png", filename: "carte.png" });
    expect(checkDocument({ name: "photo.jpeg", bytes: JPEG_BYTES })).toEqual({ ok: true, type: "image/jpeg", filename: "photo.jpg" });
  });

  it("bounds the size: empty and over 5 MB are refused, 5 MB exactly passes", () => {
    expect(checkDocument({ name: "a.pdf", bytes: new Uint8Array(0) })).toEqual({ ok: false, message: DOCUMENT_MESSAGES.empty });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF_BYTES);
    expect(checkDocument({ name: "a.pdf", bytes: big })).toEqual({ ok: false, message: DOCUMENT_MESSAGES.tooBig });
    expect(checkDocument({ name: "a.pdf", bytes: big.subarray(0, MAX_DOCUMENT_BYTES) })).toMatchObject({ ok: true });
    // The size announced by the upload is enough: an oversized file is refused before its bytes are read.
    expect(checkDocument({ name: "a.pdf", size: MAX_DOCUMENT_BYTES + 1, bytes: new Uint8Array(0) })).toMatchObject({
      ok: false,
      message: DOCUMENT_MESSAGES.tooBig,
    });
  });
});

describe("document name", () => {
  it("is a display name, never a path, without hidden characters", () => {
    expect(documentFilename("../../etc/passwd.pdf", "application/pdf")).toBe("passwd.pdf");
    expect(documentFilename("C:\\Users\\léa\\pièce.PDF", "application/pdf")).toBe("pièce.pdf");
    expect(documentFilename("carte\u202egnp.pdf", "image/png")).toBe("cartegnp.png");
    expect(documentFilename("", "image/jpeg")).toBe("document.jpg");
    expect(documentFilename(".pdf", "application/pdf")).toBe("document.pdf");
    expect(documentFilename(`${"a".repeat(300)}.pdf`, "application/pdf").length).toBeLessThanOrEqual(100);
  });
});

describe("retention of a document of an open request", () => {
  it("expires after the number of days of the setting", () => {
    const sent = new Date("2026-01-01T10:00:00Z");
    expect(documentExpired(sent, new Date("2026-03-31T09:59:59Z"), 90)).toBe(false);
    expect(documentExpired(sent, new Date("2026-04-01T10:00:00Z"), 90)).toBe(true);
  });
});
