import "server-only";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { qrCodeDataUrl } from "./qr";
import { decodeTotpKey, encodeTotpKey, groupSecret, newTotpKey, totpUri } from "./totp";

/** How long the QR code of an enrolment page stays valid. */
export const ENROLMENT_TTL_MS = 30 * 60_000;

export interface EnrolmentOffer {
  /** The secret sealed for this account: the confirmation form posts it back, nothing is stored before. */
  sealed: string;
  qrDataUrl: string;
  /** For typing by hand: groups of four. */
  secretGroups: string;
}

/**
 * A new secret for the account, shown on the enrolment page. Nothing is written while the person has not
 * typed a first code: the page is a read, the confirmation (lib/mfa/writes.ts) the one write.
 */
export async function offerEnrolment(account: { id: string; email: string }, now = new Date()): Promise<EnrolmentOffer> {
  const key = newTotpKey();
  const secret = encodeTotpKey(key);
  return {
    sealed: sealSecret("mfa-enrolment", JSON.stringify({ k: secret, t: now.getTime() }), account.id),
    qrDataUrl: await qrCodeDataUrl(totpUri(account.email, key)),
    secretGroups: groupSecret(secret),
  };
}

/** The secret of an offer posted back by the same account, while fresh; null otherwise. */
export function openEnrolment(sealed: string, accountId: string, now = new Date()): { key: Uint8Array; secret: string } | null {
  const opened = openSecret("mfa-enrolment", sealed, accountId);
  if (!opened) return null;
  try {
    const { k, t } = JSON.parse(opened) as { k?: unknown; t?: unknown };
    if (typeof k !== "string" || typeof t !== "number" || now.getTime() - t > ENROLMENT_TTL_MS || t > now.getTime() + 60_000) return null;
    return { key: decodeTotpKey(k), secret: k };
  } catch {
    return null;
  }
}
