import "server-only";
import QRCode from "qrcode";

/**
 * The QR code of an otpauth:// URI, drawn on the server (the secret never leaves for a third-party service),
 * as a data: URL for an <img>: the CSP allows data: images, and nothing inline needs a nonce.
 */
export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
