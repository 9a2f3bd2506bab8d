import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

/** A 404 inside this area: rendered in the area's layout, whose <main> it must not repeat. */
export default function NotFound() {
  return <NotFoundMessage />;
}
