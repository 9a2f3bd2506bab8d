import type { Metadata } from "next";
import { ForbiddenMessage } from "@/components/layout/forbidden-message";

export const metadata: Metadata = { title: "Accès refusé" };

export default function AccessDeniedPage() {
  return <ForbiddenMessage />;
}
