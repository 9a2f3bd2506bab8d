import type { DossierSectionProps } from "./tab-props";

export async function ActionsTab(_props: DossierSectionProps) {
  return null;
}
