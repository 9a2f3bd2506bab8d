import type { Metadata } from "next";
import { InviteForm } from "@/components/comptes/invitation-forms";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { invitationFormOptions } from "@/lib/comptes/invitation-queries";
import { COMPTES_PATH } from "@/lib/comptes/params";

export const metadata: Metadata = { title: "Inviter un compte" };

export default async function NouveauComptePage() {
  const user = await requireCapability("comptes.manage");
  const options = await invitationFormOptions(user);
  const admin = user.role === "admin";
  const own = admin ? null : options.structures.find((s) => s.id === user.structureId);
  return (
    <>
      <p className="mb-4">
        <TextLink href={COMPTES_PATH}>Retour à la liste des comptes</TextLink>
      </p>
      <PageHeader
        title="Inviter un compte"
        description="La personne reçoit par e-mail un lien, valable 72 heures et utilisable une fois, pour choisir son mot de passe."
      />
      <InviteForm
        roles={options.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        structures={admin ? options.structures.map((s) => ({ value: s.id, label: s.name })) : []}
        antennes={options.antennes.map((a) => ({ value: a.id, label: a.name, structureId: a.structureId }))}
        fixedStructure={own ? { value: own.id, label: own.name } : null}
      />
    </>
  );
}
