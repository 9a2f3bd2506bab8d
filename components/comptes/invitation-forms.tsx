"use client";

import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FeedbackForm } from "@/components/ui/form-section";
import { FormFeedback } from "@/components/ui/form-feedback";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { inviteCompteAction, resendInvitationAction, revokeInvitationAction } from "@/lib/comptes/invitation-actions";
import type { InvitationResult } from "@/lib/comptes/invitation-writes";

const INVITE_FIELDS = ["name", "email", "role", "structureId", "antenneId"] as const;

export interface InviteAntenne extends SelectOption {
  structureId: string;
}

/**
 * A new staff account: name, address, role among those the caller may grant, and — for every role but
 * admin — the structure (the admin's choice; a director's own, fixed) and an optional antenne.
 */
export function InviteForm({
  roles,
  structures,
  antennes,
  fixedStructure,
}: {
  roles: readonly SelectOption[];
  /** Empty for a director: `fixedStructure` is theirs. */
  structures: readonly SelectOption[];
  antennes: readonly InviteAntenne[];
  fixedStructure: SelectOption | null;
}) {
  const [state, action, pending] = useActionState<FormState<InvitationResult>, FormData>(inviteCompteAction, IDLE);
  const [role, setRole] = useState(roles.length === 1 ? (roles[0]?.value ?? "") : "");
  const [structureId, setStructureId] = useState(fixedStructure?.value ?? "");
  const placed = role !== "admin";
  const antenneOptions = antennes.filter((a) => a.structureId === structureId);
  return (
    <FeedbackForm
      action={action}
      state={state}
      pending={pending}
      fields={INVITE_FIELDS}
      hidden={{}}
      submit="Créer le compte et envoyer l'invitation"
      className="flex max-w-2xl flex-col gap-6"
    >
      <TextInput
        name="name"
        label="Prénom et nom"
        required
        autoComplete="off"
        defaultValue={typedValue(state, "name")}
        error={errorOf(state, "name")}
      />
      <TextInput
        name="email"
        type="email"
        label="Adresse e-mail professionnelle"
        hint="L'invitation y part : un lien, valable 72 heures, pour choisir son mot de passe."
        required
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        defaultValue={typedValue(state, "email")}
        error={errorOf(state, "email")}
      />
      <SelectField
        name="role"
        label="Rôle"
        hint={roles.length === 1 ? "Vous invitez les conseillers de votre mission locale." : undefined}
        required
        options={roles}
        placeholder={roles.length === 1 ? undefined : "Choisissez un rôle"}
        value={role}
        onChange={(e) => setRole(e.target.value)}
        error={errorOf(state, "role")}
      />
      {placed ? (
        <>
          {fixedStructure ? (
            <p>
              <span className="font-medium">Mission locale : </span>
              {fixedStructure.label}
            </p>
          ) : (
            <SelectField
              name="structureId"
              label="Mission locale"
              required
              options={structures}
              placeholder="Choisissez une mission locale"
              value={structureId}
              onChange={(e) => setStructureId(e.target.value)}
              error={errorOf(state, "structureId")}
            />
          )}
          <SelectField
            key={structureId}
            name="antenneId"
            label="Antenne"
            hint={structureId ? undefined : "Choisissez d'abord la mission locale."}
            options={antenneOptions}
            placeholder="Aucune antenne"
            defaultValue={typedValue(state, "antenneId")}
            error={errorOf(state, "antenneId")}
          />
        </>
      ) : (
        <p className="text-ink-2">Un compte administrateur n'est rattaché à aucune mission locale.</p>
      )}
    </FeedbackForm>
  );
}

/** « Renvoyer » or « Révoquer »: one button, its message focused after submit. */
function InvitationButton({ compteId, act }: { compteId: string; act: "renvoi" | "revocation" }) {
  const [state, action, pending] = useActionState<FormState<InvitationResult>, FormData>(
    act === "renvoi" ? resendInvitationAction : revokeInvitationAction,
    IDLE,
  );
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <input type="hidden" name="compteId" value={compteId} />
      <FormFeedback state={state} fields={[]} summaryId={`invitation-${act}-erreurs`} />
      <div>
        <Button type="submit" variant={act === "renvoi" ? "secondary" : "danger"} disabled={pending}>
          {pending ? "Envoi…" : act === "renvoi" ? "Renvoyer l'invitation" : "Révoquer l'invitation"}
        </Button>
      </div>
    </ActionForm>
  );
}

export function InvitationButtons({ compteId, open }: { compteId: string; open: boolean }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <InvitationButton compteId={compteId} act="renvoi" />
      {open ? <InvitationButton compteId={compteId} act="revocation" /> : null}
    </div>
  );
}
