"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { Textarea } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { ARCHIVE_MOTIFS } from "@/lib/jeunes/archive-schema";
import { archiveAction, restoreAction } from "@/lib/jeunes/archive-actions";

export function ArchiveForm({ jeuneId, version }: { jeuneId: string; version: number }) {
  const [state, action, pending] = useActionState<FormState<{ id: string }>, FormData>(archiveAction, IDLE);
  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <input type="hidden" name="version" value={version} />
      <FormFeedback state={state} fields={["motif", "detail"]} />
      <SelectField
        name="motif"
        label="Motif de l'archivage"
        required
        placeholder="Choisir un motif"
        options={Object.entries(ARCHIVE_MOTIFS).map(([value, label]) => ({ value, label }))}
        defaultValue={typedValue(state, "motif")}
        error={errorOf(state, "motif")}
      />
      <Textarea
        name="detail"
        label="Précisions"
        hint="Obligatoire pour « Autre motif ». Ne notez pas d'information de santé ou de justice."
        rows={3}
        defaultValue={typedValue(state, "detail")}
        error={errorOf(state, "detail")}
      />
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
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <input type="hidden" name="version" value={version} />
      <FormFeedback state={state} fields={[]} />
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Restauration…" : "Restaurer le dossier"}
        </Button>
      </div>
    </ActionForm>
  );
}
