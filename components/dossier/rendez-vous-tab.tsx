import type { DossierSectionProps } from "./tab-props";

export async function RendezVousTab(_props: DossierSectionProps) {
  return null;
}
