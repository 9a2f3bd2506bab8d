import type { Metadata } from "next";
import { ForbiddenMessage } from "@/components/layout/forbidden-message";

export const metadata: Metadata = { title: "Accès refusé" };

/** A 403 inside this area: rendered in the area's layout, whose <main> it must not repeat. */
export default function Forbidden() {
  return <ForbiddenMessage />;
}
