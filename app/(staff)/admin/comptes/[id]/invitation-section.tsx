import { InvitationButtons } from "@/components/comptes/invitation-forms";
import { Badge } from "@/components/ui/badge";
import { mayManageRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { getCompteInvitation } from "@/lib/comptes/invitation-queries";
import type { InvitationStatus } from "@/lib/comptes/invitations";
import { formatDateTime } from "@/lib/format/fr";
import type { BadgeTone } from "@/lib/ui/tones";

const STATUS: Record<InvitationStatus, { label: string; tone: BadgeTone }> = {
  envoyee: { label: "Envoyée, en attente", tone: "info" },
  acceptee: { label: "Acceptée", tone: "success" },
  revoquee: { label: "Révoquée", tone: "warning" },
  expiree: { label: "Expirée", tone: "warning" },
};

/** The account's invitation: its state, and « Renvoyer » / « Révoquer » while no password has been chosen. */
export async function InvitationSection({ user, compte }: { user: SessionUser; compte: { id: string; role: Role; active: boolean } }) {
  const invitation = await getCompteInvitation(user, compte.id);
  if (!invitation || (invitation.hasPassword && !invitation.latest)) return null;
  const { latest } = invitation;
  const manages = compte.id !== user.id && mayManageRole(user.role, compte.role);
  const canAct = manages && !invitation.hasPassword && compte.active;
  return (
    <section aria-labelledby="invitation-titre" className="mb-8 max-w-3xl rounded-sm border border-border p-4 sm:p-6">
      <h2 id="invitation-titre" className="mb-3 text-lg">
        Invitation
      </h2>
      {latest ? (
        <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">État</dt>
          <dd>
            <Badge tone={STATUS[latest.status].tone}>{STATUS[latest.status].label}</Badge>
          </dd>
          <dt className="font-bold">Envoyée le</dt>
          <dd>{formatDateTime(latest.createdAt)}</dd>
          {latest.status === "acceptee" && latest.usedAt ? (
            <>
              <dt className="font-bold">Acceptée le</dt>
              <dd>{formatDateTime(latest.usedAt)}</dd>
            </>
          ) : latest.status === "revoquee" && latest.revokedAt ? (
            <>
              <dt className="font-bold">Révoquée le</dt>
              <dd>{formatDateTime(latest.revokedAt)}</dd>
            </>
          ) : (
            <>
              <dt className="font-bold">{latest.status === "expiree" ? "Expirée le" : "Expire le"}</dt>
              <dd>{formatDateTime(latest.expiresAt)}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="mb-4">Ce compte n'a pas encore de mot de passe ni d'invitation.</p>
      )}
      {canAct ? (
        <>
          <p className="mb-4 text-ink-2">
            Renvoyer envoie un nouveau lien, valable 72 heures : le précédent ne fonctionne plus. Révoquer rend le lien inutilisable.
          </p>
          <InvitationButtons compteId={compte.id} open={latest?.status === "envoyee"} />
        </>
      ) : !invitation.hasPassword && !compte.active ? (
        <p className="text-ink-2">Ce compte est désactivé : réactivez-le pour lui envoyer une nouvelle invitation.</p>
      ) : null}
    </section>
  );
}
