"use client";

import { useActionState, useEffect, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Textarea } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { IDLE, errorOf, valueOf, type FormState } from "@/lib/actions/form-state";
import { ARCHIVE_MOTIFS } from "@/lib/jeunes/archive-schema";
import { archiveAction, restoreAction } from "@/lib/jeunes/archive-actions";

function useFocusOnError(state: FormState<unknown>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  return ref;
}

function errorsOf(state: FormState<unknown>, fields: string[]) {
  return state.status === "error" ? fields.flatMap((f) => (state.fieldErrors[f]?.[0] ? [{ fieldId: f, message: state.fieldErrors[f][0] }] : [])) : [];
}

export function ArchiveForm({ jeuneId, version }: { jeuneId: string; version: number }) {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(archiveAction, IDLE);
  const ref = useFocusOnError(state);
  const errors = errorsOf(state, ["motif", "detail"]);
  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <input type="hidden" name="version" value={version} />
      {state.status === "error" && errors.length === 0 ? (
        <div ref={ref} tabIndex={-1} className="outline-none">
          <Alert tone="error" live="assertive">
            {state.message}
          </Alert>
        </div>
      ) : (
        <ErrorSummary errors={errors} ref={ref} />
      )}
      <SelectField
        name="motif"
        label="Motif de l'archivage"
        required
        placeholder="Choisir un motif"
        options={Object.entries(ARCHIVE_MOTIFS).map(([value, label]) => ({ value, label }))}
        defaultValue={valueOf(state, "motif")}
        error={errorOf(state, "motif")}
      />
      <Textarea name="detail" label="Précisions" hint="Obligatoire pour « Autre motif ». Ne notez pas d'information de santé ou de justice." rows={3} defaultValue={valueOf(state, "detail")} error={errorOf(state, "detail")} />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Archivage…" : "Archiver le dossier"}
        </Button>
      </div>
    </ActionForm>
  );
}

export function RestoreForm({ jeuneId, version }: { jeuneId: string; version: number }) {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(restoreAction, IDLE);
  const ref = useFocusOnError(state);
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <input type="hidden" name="version" value={version} />
      {state.status === "error" ? (
        <div ref={ref} tabIndex={-1} className="outline-none">
          <Alert tone="error" live="assertive">
            {state.message}
          </Alert>
        </div>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Restauration…" : "Restaurer le dossier"}
        </Button>
      </div>
    </ActionForm>
  );
}
