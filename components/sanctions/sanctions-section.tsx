import type { DossierSectionProps } from "@/components/dossier/tab-props";

export async function SanctionsSection(_props: DossierSectionProps) {
  return null;
}
