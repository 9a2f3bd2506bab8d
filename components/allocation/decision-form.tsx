"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormFeedback } from "@/components/ui/form-feedback";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { TBody, Table, Td, Th, Tr } from "@/components/ui/table";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import { previewAllocationDecisionAction, recordAllocationDecisionAction } from "@/lib/allocation/actions";
import type { AllocationPreview, RecordedDecision } from "@/lib/allocation/decision-writes";
import { FOYERS } from "@/lib/allocation/schema";
import { formatMoneyCents } from "@/lib/format/fr";
import { RadioGroup } from "./radio-group";

const FIELDS = ["mois", "foyer", "ressourcesDeduitesEnPartie", "ressourcesDeduitesEnTotalite", "montantDemande"] as const;
const FOYER_OPTIONS = Object.entries(FOYERS).map(([value, label]) => ({ value, label }));

/**
 * Two steps on one page: "Calculer le montant" computes on the server and writes nothing; the result
 * (the computation line by line, the amount, the explanation) comes with "Confirmer la décision", which
 * posts the same inputs and the amount seen. Changing any field hides the result, so what is confirmed is always what was shown.
 */
export function DecisionForm({
  jeuneId,
  months,
  defaultMonth,
  types,
}: {
  jeuneId: string;
  months: SelectOption[];
  defaultMonth: string;
  types: ("CEJ" | "PACEA")[];
}) {
  const [preview, previewAction, previewing] = useActionState<FormState<AllocationPreview>, FormData>(
    previewAllocationDecisionAction,
    IDLE,
  );
  const [confirm, confirmAction, confirming] = useActionState<FormState<RecordedDecision>, FormData>(recordAllocationDecisionAction, IDLE);
  const [submitted, setSubmitted] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const result = preview.status === "success" && !dirty ? preview.data : null;

  useEffect(() => {
    if (preview.status === "success") resultRef.current?.focus();
  }, [preview]);

  function onPreview(formData: FormData) {
    setSubmitted(Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)])));
    setDirty(false);
    previewAction(formData);
  }

  const showCej = types.includes("CEJ");
  const showPacea = types.includes("PACEA");

  return (
    <div className="flex flex-col gap-8">
      <ActionForm action={onPreview} onChange={() => setDirty(true)} className="flex max-w-2xl flex-col gap-6">
        <input type="hidden" name="jeuneId" value={jeuneId} />
        {preview.status === "error" ? <FormFeedback state={preview} fields={FIELDS} summaryId="erreurs-apercu" /> : null}
        <div className="max-w-xs">
          <SelectField
            name="mois"
            label="Mois de l'allocation"
            required
            options={months}
            defaultValue={typedValue(preview, "mois", defaultMonth)}
            error={errorOf(preview, "mois")}
          />
        </div>
        {showCej ? (
          <fieldset className="flex flex-col gap-6 rounded-sm border border-border p-4 sm:p-6">
            <legend className="px-1 text-lg font-bold">Contrat d&apos;engagement jeune (CEJ)</legend>
            <RadioGroup
              id="foyer"
              name="foyer"
              legend="Situation fiscale du foyer"
              hint="Celle de l'avis d'imposition du foyer auquel le jeune est rattaché. Un jeune mineur au 1er du mois reçoit le montant « mineur » dans tous les cas."
              options={FOYER_OPTIONS}
              defaultValue={typedValue(preview, "foyer")}
              error={errorOf(preview, "foyer")}
            />
            <p className="text-sm text-ink-2">
              Pour chaque type de ressources, indiquez la moyenne par mois des 3 derniers mois, ou des 6 derniers mois si elle est plus
              basse. Laissez vide si le jeune n&apos;en a pas.
            </p>
            <div className="max-w-md">
              <TextInput
                name="ressourcesDeduitesEnPartie"
                label="Salaires et revenus assimilés, en euros par mois"
                hint="Salaire net, rémunération d'apprenti, revenus d'indépendant, indemnités journalières, indemnités de chômage partiel. Jusqu'à 300 € par mois, l'allocation n'est pas réduite ; au-delà, elle baisse peu à peu. Par exemple : 420,50"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={typedValue(preview, "ressourcesDeduitesEnPartie")}
                error={errorOf(preview, "ressourcesDeduitesEnPartie")}
              />
            </div>
            <div className="max-w-md">
              <TextInput
                name="ressourcesDeduitesEnTotalite"
                label="Allocations chômage et rémunération de stage de formation, en euros par mois"
                hint="Allocations chômage, rémunération d'un stage de formation professionnelle. Ce montant est retiré en entier de l'allocation. Par exemple : 250"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={typedValue(preview, "ressourcesDeduitesEnTotalite")}
                error={errorOf(preview, "ressourcesDeduitesEnTotalite")}
              />
            </div>
          </fieldset>
        ) : null}
        {showPacea ? (
          <fieldset className="flex flex-col gap-6 rounded-sm border border-border p-4 sm:p-6">
            <legend className="px-1 text-lg font-bold">PACEA</legend>
            <div className="max-w-xs">
              <TextInput
                name="montantDemande"
                label="Montant demandé pour le mois, en euros"
                hint="Sillage vérifie le plafond sur 12 mois glissants. Par exemple : 300"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={typedValue(preview, "montantDemande")}
                error={errorOf(preview, "montantDemande")}
              />
            </div>
          </fieldset>
        ) : null}
        <div>
          <Button type="submit" variant={result ? "secondary" : "primary"} disabled={previewing}>
            {previewing ? "Calcul…" : "Calculer le montant"}
          </Button>
        </div>
      </ActionForm>

      {result ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          role="region"
          aria-labelledby="titre-apercu"
          className="flex max-w-2xl flex-col gap-4 rounded-sm border-2 border-primary p-4 outline-none sm:p-6"
        >
          <h2 id="titre-apercu" className="text-xl">
            Montant calculé : {formatMoneyCents(result.montantCents)}
          </h2>
          <Table caption="Détail du calcul" captionHidden className="max-w-xl">
            <TBody>
              {result.calcul.map((line, i) => (
                <Tr key={`${i}-${line.label}`}>
                  <Th scope="row" className="pl-0 font-normal">
                    {line.label}
                  </Th>
                  <Td className="pr-0 text-right whitespace-nowrap tabular-nums">
                    {i > 0 && line.cents <= 0 ? `− ${formatMoneyCents(-line.cents)}` : formatMoneyCents(line.cents)}
                  </Td>
                </Tr>
              ))}
              <Tr className="border-b-0">
                <Th scope="row" className="pl-0">
                  Montant à verser
                </Th>
                <Td className="pr-0 text-right font-bold whitespace-nowrap tabular-nums">{formatMoneyCents(result.montantCents)}</Td>
              </Tr>
            </TBody>
          </Table>
          <p>{result.explication}</p>
          <p className="text-sm text-ink-2">{result.dispositif} · rien n&apos;est enregistré tant que vous n&apos;avez pas confirmé.</p>
          {result.remplace ? (
            <Alert tone="warning">
              Une décision existe déjà pour ce mois ({formatMoneyCents(result.remplace.montantCents)}). En confirmant, elle sera remplacée ;
              elle restera visible dans l&apos;historique.
            </Alert>
          ) : null}
          <ActionForm action={confirmAction} className="flex flex-col gap-4">
            {Object.entries(submitted).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name="apercuCents" value={result.montantCents} />
            <input type="hidden" name="remplaceId" value={result.remplace?.id ?? ""} />
            <FormFeedback state={confirm} fields={FIELDS} summaryId="erreurs-confirmation" />
            <div>
              <Button type="submit" variant="primary" disabled={confirming}>
                {confirming ? "Enregistrement…" : `Confirmer la décision de ${formatMoneyCents(result.montantCents)}`}
              </Button>
            </div>
          </ActionForm>
        </div>
      ) : null}
    </div>
  );
}
