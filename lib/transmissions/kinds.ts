import type { TransmissionKind } from "@/db/schema";

/**
 * Notices a recipient gets when data it received change status (GDPR art. 19): they carry identity only
 * and leave even while the data are limited. A rectification carries the corrected data, so it is not one.
 */
export const NOTICE_KIND_LIST = ["effacement", "limitation", "levee_limitation"] as const satisfies readonly TransmissionKind[];
export type NoticeKind = (typeof NOTICE_KIND_LIST)[number];
export const NOTICE_KINDS: ReadonlySet<TransmissionKind> = new Set(NOTICE_KIND_LIST);

export function isNoticeKind(kind: TransmissionKind): kind is NoticeKind {
  return NOTICE_KINDS.has(kind);
}
