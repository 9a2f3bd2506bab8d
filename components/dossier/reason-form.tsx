"use client";

import { useActionState, useEffect, useRef } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Textarea } from "@/components/ui/field";
import { TextLink } from "@/components/ui/link";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { giveConsultationReasonAction } from "@/lib/jeunes/break-glass-actions";
import type { DossierOnglet } from "@/lib/consultations/onglets";

const FIELD_ORDER = ["motif", "motifDetail"];

/**
 * The break-glass form. Carries only the dossier id and the tab asked for: the server re-checks who
 * may open it. On success the action redirects to the dossier.
 */
export function ReasonForm({
  jeuneId,
  onglet,
  options,
  defaultMotif = "",
  backHref,
  detailMax,
}: {
  jeuneId: string;
  onglet: DossierOnglet;
  options: SelectOption[];
  defaultMotif?: string;
  backHref: string;
  detailMax: number;
}) {
  const [state, action, pending] = useActionState<FormState<{ jeuneId: string; onglet: DossierOnglet }>, FormData>(
    giveConsultationReasonAction,
    IDLE,
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") summaryRef.current?.focus();
  }, [state]);

  const errors =
    state.status === "error"
      ? FIELD_ORDER.flatMap((f) => (state.fieldErrors[f]?.[0] ? [{ fieldId: f, message: state.fieldErrors[f][0] }] : []))
      : [];

  return (
    <ActionForm action={action} className="flex flex-col gap-6">
      <input type="hidden" name="jeuneId" value={jeuneId} />
      <input type="hidden" name="onglet" value={onglet} />
      {state.status === "error" && errors.length === 0 ? (
        <div ref={summaryRef} tabIndex={-1} className="outline-none">
          <Alert tone="error" live="assertive">
            {state.message}
          </Alert>
        </div>
      ) : (
        <ErrorSummary errors={errors} ref={summaryRef} />
      )}
      <SelectField
        name="motif"
        label="Motif de la consultation"
        required
        placeholder="Choisir un motif"
        options={options}
        defaultValue={typedValue(state, "motif", defaultMotif)}
        error={errorOf(state, "motif")}
      />
      <Textarea
        name="motifDetail"
        label="Précision"
        hint={`Obligatoire pour « Autre motif », facultative sinon. ${detailMax} caractères au plus. Le jeune pourra la lire : restez factuel, sans information de santé ou de justice.`}
        rows={3}
        defaultValue={typedValue(state, "motifDetail")}
        error={errorOf(state, "motifDetail")}
      />
      <div className="flex flex-wrap items-center gap-x-6 gap-y-4">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Ouverture…" : "Ouvrir le dossier"}
        </Button>
        <TextLink href={backHref}>Retour</TextLink>
      </div>
    </ActionForm>
  );
}
