import type { Metadata } from "next";
import { NoticeView } from "@/components/data-map/notice-view";
import { todayInParis } from "@/lib/calendar/civil-date";
import { buildNotice } from "@/lib/data-map/notice";
import { loadNoticeSources } from "@/lib/data-map/queries";

export const metadata: Metadata = {
  title: "Vos données personnelles à la mission locale",
  description: "Ce que la mission locale fait de vos données, qui les reçoit, combien de temps, et vos droits.",
};

/** Public notice (GDPR arts. 13–14), generated from the data map; no sign-in needed. */
export default async function NoticePage() {
  const { ctx, dpoContacts } = await loadNoticeSources(todayInParis(new Date()));
  return <NoticeView notice={buildNotice(ctx)} dpoContacts={dpoContacts} />;
}
