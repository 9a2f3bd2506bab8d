import type { DossierSectionProps } from "@/components/dossier/tab-props";

export async function JaugeSection(_props: DossierSectionProps) {
  return null;
}
