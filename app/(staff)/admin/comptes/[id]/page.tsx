import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeactivateForm, MoveForm, ReactivateForm, RoleForm } from "@/components/comptes/compte-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { PersonName } from "@/components/ui/person-name";
import { ACCOUNT_MANAGEMENT, can, mayManageRole } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { COMPTES_PATH } from "@/lib/comptes/params";
import { getCompte } from "@/lib/comptes/queries";
import { needsStructure } from "@/lib/comptes/rules";
import { REAFFECTATION_PATH } from "@/lib/comptes/writes";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { CompteHistorique } from "./historique";
import { CompteMissionsLocales } from "./missions-locales";
import { SessionsOuvertes } from "./sessions-ouvertes";
import { InvitationSection } from "./invitation-section";
import { MfaSection } from "./mfa-section";

export const metadata: Metadata = { title: "Compte d'un membre de l'équipe" };

function jeunesLabel(n: number): string {
  return n === 0 ? "Aucun" : n === 1 ? "1 jeune" : `${formatNumber(n)} jeunes`;
}

export default async function ComptePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireCapability("comptes.read");
  const { id } = await params;
  const compte = await getCompte(user, id);
  if (!compte) notFound();

  const self = compte.id === user.id;
  const manages = !self && mayManageRole(user.role, compte.role);
  const ref = { id: compte.id, version: compte.version, canReassign: can(user.role, "jeunes.reassign") };
  const roleOptions = ACCOUNT_MANAGEMENT[user.role].map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const structureOptions = compte.structures.map((s) => ({ value: s.id, label: s.name }));
  const antenneOptions = compte.antennes.map((a) => ({ value: a.id, label: a.name, structureId: a.structureId }));

  return (
    <>
      <p className="mb-4">
        <TextLink href={COMPTES_PATH}>Retour à la liste des comptes</TextLink>
      </p>
      <PageHeader
        title={<PersonName>{compte.name}</PersonName>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {ROLE_LABELS[compte.role]}
            {compte.active ? <Badge tone="success">Actif</Badge> : <Badge tone="warning">Désactivé</Badge>}
          </span>
        }
      />

      <dl className="mb-8 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Adresse e-mail</dt>
        <dd className="break-all">{compte.email}</dd>
        <dt className="font-bold">Mission locale</dt>
        <dd>{compte.structure ?? "Toutes les missions locales"}</dd>
        <dt className="font-bold">Antenne</dt>
        <dd>{compte.antenne ?? "Aucune"}</dd>
        <dt className="font-bold">Dernière connexion</dt>
        <dd>{compte.lastLoginAt ? formatDateTime(compte.lastLoginAt) : "Jamais"}</dd>
        {compte.deactivatedAt && !compte.active ? (
          <>
            <dt className="font-bold">Désactivé le</dt>
            <dd>{formatDateTime(compte.deactivatedAt)}</dd>
          </>
        ) : null}
        <dt className="font-bold">Jeunes suivis (référent, dossiers actifs)</dt>
        <dd>
          {jeunesLabel(compte.jeunesActifs)}
          {compte.jeunesActifs > 0 && can(user.role, "jeunes.reassign") ? (
            <>
              {" · "}
              <TextLink href={REAFFECTATION_PATH}>Réaffecter</TextLink>
            </>
          ) : null}
        </dd>
      </dl>
      <CompteMissionsLocales user={user} compte={compte} />
      <MfaSection user={user} compte={compte} />

      <InvitationSection user={user} compte={compte} />
      {self ? (
        <Alert tone="info">Vous ne pouvez pas modifier votre propre compte : demandez-le à un administrateur.</Alert>
      ) : !manages ? (
        <Alert tone="info">Vous gérez les comptes des conseillers de votre mission locale. Ce compte est géré par un administrateur.</Alert>
      ) : (
        <div className="flex max-w-3xl flex-col gap-6">
          <SessionsOuvertes user={user} compteId={compte.id} />
          {compte.active ? <DeactivateForm compte={ref} name={compte.name} /> : <ReactivateForm compte={ref} />}
          {needsStructure(compte.role) && compte.structureId ? (
            <MoveForm
              compte={ref}
              structureId={compte.structureId}
              antenneId={compte.antenneId}
              structures={can(user.role, "comptes.role") ? structureOptions : []}
              antennes={antenneOptions}
            />
          ) : null}
          {can(user.role, "comptes.role") ? (
            <RoleForm compte={ref} role={compte.role} roles={roleOptions} structures={compte.structureId ? [] : structureOptions} />
          ) : null}
        </div>
      )}
      <CompteHistorique user={user} compteId={compte.id} />
    </>
  );
}
