"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ErrorLines } from "@/components/ui/error-lines";
import { controlClasses } from "@/components/ui/field";
import { type FormState, IDLE } from "@/lib/actions/form-state";
import { switchStructureAction } from "@/lib/comptes/actions";
import type { SwitchResult } from "@/lib/comptes/structure-switch-writes";

/** The header's choice of working mission locale; success lands on the role's home (redirect), also without JavaScript. */
export function StructureSwitchForm({ current, structures }: { current: string; structures: readonly { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FormState<SwitchResult>, FormData>(switchStructureAction, IDLE);
  const error = state.status === "error" ? (state.fieldErrors.structureId?.[0] ?? state.message) : null;
  return (
    <ActionForm action={action} aria-label="Changer de mission locale" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor="structure-travail" className="text-sm font-medium">
          Mission locale de travail
        </label>
        <select
          id="structure-travail"
          name="structureId"
          defaultValue={current}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "structure-travail-erreur" : undefined}
          className={controlClasses(Boolean(error), "text-sm sm:min-h-9 sm:py-1")}
        >
          {structures.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Changement…" : "Changer de mission locale"}
      </Button>
      {error ? (
        <div role="alert" className="basis-full">
          <ErrorLines id="structure-travail-erreur" messages={[error]} />
        </div>
      ) : null}
    </ActionForm>
  );
}
