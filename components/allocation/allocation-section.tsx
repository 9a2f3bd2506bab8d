import type { DossierSectionProps } from "@/components/dossier/tab-props";

export async function AllocationSection(_props: DossierSectionProps) {
  return null;
}
