import { TextLink } from "@/components/ui/link";
import { formatDateTime } from "@/lib/format/fr";
import type { EspaceAccess } from "@/lib/espace/invitation-queries";
import { EspaceInvitationForm } from "./espace-invitation";

function invitationState(access: EspaceAccess, now: Date): string {
  const last = access.lastInvitation;
  if (!access.hasAccount) return "Pas encore invité : le jeune n'a pas de compte Mon espace.";
  if (!last) return "Le jeune a un compte Mon espace.";
  if (last.usedAt) return `Invitation du ${formatDateTime(last.sentAt)} ouverte le ${formatDateTime(last.usedAt)}.`;
  if (last.revokedAt) return `Invitation du ${formatDateTime(last.sentAt)} remplacée.`;
  if (last.expiresAt <= now) return `Invitation du ${formatDateTime(last.sentAt)} expirée sans avoir servi.`;
  return `Invitation envoyée le ${formatDateTime(last.sentAt)}, valable jusqu'au ${formatDateTime(last.expiresAt)}.`;
}

/** The dossier's « Mon espace » block: where the young person stands, and the invitation (staff who may write). */
export function EspaceInvitationSection(props: {
  jeuneId: string;
  email: string | null;
  access: EspaceAccess;
  canInvite: boolean;
  now: Date;
}) {
  const { jeuneId, email, access, canInvite, now } = props;
  return (
    <div className="flex flex-col gap-3">
      <p>{invitationState(access, now)}</p>
      {access.lastSignInAt ? <p className="text-sm text-ink-2">Dernière connexion : {formatDateTime(access.lastSignInAt)}.</p> : null}
      {!canInvite ? null : email ? (
        <EspaceInvitationForm jeuneId={jeuneId} email={email} again={access.lastInvitation !== null} />
      ) : (
        <p>
          Ce dossier n&apos;a pas d&apos;adresse e-mail : l&apos;invitation ne peut pas partir.{" "}
          <TextLink href={`/jeunes/${jeuneId}/modifier`}>Ajouter l&apos;adresse e-mail dans le dossier</TextLink>
        </p>
      )}
    </div>
  );
}
