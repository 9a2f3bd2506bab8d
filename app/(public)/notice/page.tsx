import type { Metadata } from "next";
import { NoticeView } from "@/components/data-map/notice-view";
import { getDb } from "@/db/client";
import { todayInParis } from "@/lib/calendar/civil-date";
import { buildNotice } from "@/lib/data-map/notice";
import { listDpoContacts, loadDataMapContext } from "@/lib/data-map/queries";

export const metadata: Metadata = {
  title: "Vos données personnelles à la mission locale",
  description: "Ce que la mission locale fait de vos données, qui les reçoit, combien de temps, et vos droits.",
};

/** Public notice (GDPR arts. 13–14), generated from the data map; no sign-in needed. */
export default async function NoticePage() {
  const db = await getDb();
  const [ctx, dpoContacts] = await Promise.all([loadDataMapContext(db, todayInParis(new Date())), listDpoContacts(db)]);
  return <NoticeView notice={buildNotice(ctx)} dpoContacts={dpoContacts} />;
}
