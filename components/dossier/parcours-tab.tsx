import { AllocationSection } from "@/components/allocation/allocation-section";
import { JaugeSection } from "@/components/cej/jauge-section";
import { ContratsSection } from "@/components/parcours/contrats-section";
import { SanctionsSection } from "@/components/sanctions/sanctions-section";
import type { DossierSectionProps } from "./tab-props";

/** Contracts and phases, the CEJ week gauge, allowance decisions and sanctions: each section loads its own data. */
export function ParcoursTab(props: DossierSectionProps) {
  return (
    <div className="space-y-8">
      <ContratsSection {...props} />
      <JaugeSection {...props} />
      <AllocationSection {...props} />
      <SanctionsSection {...props} />
    </div>
  );
}
