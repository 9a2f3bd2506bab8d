import { PageHeader } from "@/components/ui/page-header";
import { ROLE_HOME, type Role } from "@/lib/auth/roles";
import { BREAK_GLASS_TTL_MS } from "@/lib/consultations/access";
import { motifOptionsFor } from "@/lib/consultations/motifs";
import type { DossierOnglet } from "@/lib/consultations/onglets";
import { MOTIF_DETAIL_MAX } from "@/lib/consultations/schema";
import { ReasonForm } from "./reason-form";

/**
 * Shown instead of a dossier outside the viewer's portfolio. Deliberately carries NO personal data,
 * not even the name: the reason comes before anything of the file is seen.
 */
export function ReasonRequired({ jeuneId, onglet, role }: { jeuneId: string; onglet: DossierOnglet; role: Role }) {
  const hours = Math.round(BREAK_GLASS_TTL_MS / 3_600_000);
  return (
    <div className="max-w-[640px]">
      <PageHeader title="Motif de consultation" />
      <div className="mb-6 flex flex-col gap-3">
        <p className="text-lg">
          Ce dossier ne fait pas partie de votre portefeuille. Indiquez pourquoi vous l&apos;ouvrez : ce motif sera enregistré et visible
          par le jeune.
        </p>
        <p className="text-ink-2">
          Votre motif vaut pour ce dossier pendant {hours} heures. Chaque onglet que vous ouvrirez sera aussi enregistré.
        </p>
      </div>
      <ReasonForm
        jeuneId={jeuneId}
        onglet={onglet}
        options={motifOptionsFor(role)}
        defaultMotif={role === "dpo" ? "controle_dpo" : ""}
        backHref={ROLE_HOME[role]}
        detailMax={MOTIF_DETAIL_MAX}
      />
    </div>
  );
}
