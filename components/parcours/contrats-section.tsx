import type { DossierSectionProps } from "@/components/dossier/tab-props";

export async function ContratsSection(_props: DossierSectionProps) {
  return null;
}
