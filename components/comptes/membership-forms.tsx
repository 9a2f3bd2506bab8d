"use client";

import { SelectField, type SelectOption } from "@/components/ui/select";
import { StepForm } from "@/components/ui/step-form";
import { errorOf, typedValue } from "@/lib/actions/form-state";
import { addMembershipAction, removeMembershipAction } from "@/lib/comptes/actions";
import type { MembershipResult } from "@/lib/comptes/membership-writes";

interface Account {
  id: string;
  /** The account's updated_at in milliseconds: the optimistic lock. */
  version: number;
}

export function AddMembershipForm({ compte, structures }: { compte: Account; structures: readonly SelectOption[] }) {
  return (
    <StepForm<MembershipResult>
      action={addMembershipAction}
      hidden={{ compteId: compte.id, version: compte.version }}
      prefix="membre-ajout"
      title="Ajouter une mission locale"
      description="Ce compte pourra choisir, dans l'en-tête, la mission locale pour laquelle il travaille. Il garde le même rôle."
      fields={["structureId"]}
      submit="Ajouter la mission locale"
      variant="secondary"
    >
      {(state, id) => (
        <div className="max-w-md">
          <SelectField
            id={id("structureId")}
            name="structureId"
            label="Mission locale"
            required
            hint={structures.length === 0 ? "Ce compte travaille déjà pour toutes les missions locales actives." : undefined}
            options={structures}
            placeholder="Choisissez une mission locale"
            defaultValue={typedValue(state, "structureId")}
            error={errorOf(state, "structureId")}
          />
        </div>
      )}
    </StepForm>
  );
}

export function RemoveMembershipForm({ compte, structures }: { compte: Account; structures: readonly SelectOption[] }) {
  return (
    <StepForm<MembershipResult>
      action={removeMembershipAction}
      hidden={{ compteId: compte.id, version: compte.version }}
      prefix="membre-retrait"
      title="Retirer une mission locale"
      description="Les sessions de ce compte qui travaillent pour cette mission locale seront fermées. La mission locale de rattachement ne se retire pas."
      fields={["structureId"]}
      submit="Retirer la mission locale"
      variant="danger"
    >
      {(state, id) => (
        <div className="max-w-md">
          <SelectField
            id={id("structureId")}
            name="structureId"
            label="Mission locale à retirer"
            required
            hint={structures.length === 0 ? "Aucune mission locale ajoutée : il n'y a rien à retirer." : undefined}
            options={structures}
            placeholder="Choisissez une mission locale"
            defaultValue={typedValue(state, "structureId")}
            error={errorOf(state, "structureId")}
          />
        </div>
      )}
    </StepForm>
  );
}
