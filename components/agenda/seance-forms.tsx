"use client";

import { useActionState, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormFeedback } from "@/components/ui/form-feedback";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { IDLE, errorOf, typedValue, type FormState } from "@/lib/actions/form-state";
import {
  addParticipantAction,
  cancelSeanceAction,
  closeSeanceAction,
  recordAttendanceAction,
  removeParticipantAction,
} from "@/lib/agenda/actions";
import type { ParticipationResult } from "@/lib/agenda/participation-writes";
import { ANNULATION_MOTIFS, MARKED_PRESENCES, PRESENCE_LABELS, type Presence } from "@/lib/agenda/rules";
import type { SeanceResult } from "@/lib/agenda/seance-writes";
import { JeunePicker } from "./jeune-picker";
import { PersonName } from "@/components/ui/person-name";

function Box({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-titre`} className="rounded-sm border border-border p-4 sm:p-6">
      <h2 id={`${id}-titre`} className="mb-2 text-xl">
        {title}
      </h2>
      {description ? <div className="mb-4 text-ink-2">{description}</div> : null}
      {children}
    </section>
  );
}

export function AddParticipantForm({ seanceId, jeunes, full }: { seanceId: string; jeunes: SelectOption[]; full: string | null }) {
  const [state, formAction, pending] = useActionState<FormState<ParticipationResult>, FormData>(addParticipantAction, IDLE);
  // A new key after each success resets the picker for the next young person.
  const [round, setRound] = useState(0);
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    if (state.status === "success") setRound((r) => r + 1);
  }
  if (full) {
    return (
      <Box id="inscrire" title="Inscrire un jeune">
        <p>{full}</p>
      </Box>
    );
  }
  return (
    <Box id="inscrire" title="Inscrire un jeune" description="Seuls les jeunes actifs de votre structure peuvent être inscrits.">
      <ActionForm action={formAction} className="flex flex-col gap-4">
        <input type="hidden" name="seanceId" value={seanceId} />
        <FormFeedback state={state} fields={["jeuneId"]} idFor={() => "inscrire-jeune"} summaryId="inscrire-erreurs" />
        <JeunePicker
          key={round}
          id="inscrire-jeune"
          label="Jeune à inscrire"
          initialOptions={jeunes}
          defaultValue={typedValue(state, "jeuneId")}
          error={errorOf(state, "jeuneId")}
        />
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Inscription…" : "Inscrire à la séance"}
          </Button>
        </div>
      </ActionForm>
    </Box>
  );
}

export function RemoveParticipantButton({
  seanceId,
  participationId,
  version,
  name,
}: {
  seanceId: string;
  participationId: string;
  version: number;
  name: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<ParticipationResult>, FormData>(removeParticipantAction, IDLE);
  return (
    <ActionForm action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="seanceId" value={seanceId} />
      <input type="hidden" name="participationId" value={participationId} />
      <input type="hidden" name="version" value={version} />
      <FormFeedback state={state} fields={[]} />
      <div>
        <Button type="submit" variant="tertiary" size="sm" disabled={pending}>
          Retirer
          <span className="sr-only">
            {" "}
            <PersonName>{name}</PersonName> de la séance
          </span>
        </Button>
      </div>
    </ActionForm>
  );
}

export interface AttendanceRow {
  id: string;
  name: string;
  presence: Presence;
  motifAbsence: string | null;
  version: number;
}

/** Every participant in one form: a radio group each (fieldset + legend = the name), one submit, saved all-or-nothing. */
export function AttendanceForm({ seanceId, rows, started }: { seanceId: string; rows: AttendanceRow[]; started: boolean }) {
  const [state, formAction, pending] = useActionState<FormState<ParticipationResult>, FormData>(recordAttendanceAction, IDLE);
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.id, typedValue(state, `presence_${r.id}`, r.presence === "prevu" ? "" : r.presence)])),
  );
  const fields = rows.flatMap((r) => [`presence_${r.id}`, `motif_${r.id}`]);
  return (
    <Box
      id="presences"
      title="Présences"
      description={
        started
          ? "Indiquez pour chaque jeune s'il était présent. Une ligne laissée vide reste « prévu ». Une absence non excusée peut entraîner une proposition de sanction."
          : "La séance n'a pas encore commencé : vous pouvez déjà noter une absence excusée (le jeune a prévenu)."
      }
    >
      <ActionForm action={formAction} className="flex flex-col gap-4">
        <input type="hidden" name="seanceId" value={seanceId} />
        <FormFeedback state={state} fields={fields} idFor={(f) => f} summaryId="presences-erreurs" />
        <ul className="flex flex-col gap-4">
          {rows.map((r) => {
            const error = errorOf(state, `presence_${r.id}`);
            const motifError = errorOf(state, `motif_${r.id}`);
            return (
              <li key={r.id} className="rounded-sm border border-border p-3">
                <input type="hidden" name={`version_${r.id}`} value={r.version} />
                <fieldset
                  id={`presence_${r.id}`}
                  tabIndex={-1}
                  aria-describedby={error ? `presence_${r.id}-error` : undefined}
                  className={error ? "border-l-2 border-error pl-3" : undefined}
                >
                  <legend className="mb-2 font-bold">
                    <PersonName>{r.name}</PersonName>
                  </legend>
                  <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-6">
                    {MARKED_PRESENCES.map((p) => (
                      <div key={p} className="flex items-center gap-3">
                        <input
                          id={`presence_${r.id}_${p}`}
                          type="radio"
                          name={`presence_${r.id}`}
                          value={p}
                          checked={chosen[r.id] === p}
                          onChange={() => setChosen((c) => ({ ...c, [r.id]: p }))}
                          className="size-6 accent-primary"
                        />
                        <label htmlFor={`presence_${r.id}_${p}`}>{PRESENCE_LABELS[p]}</label>
                      </div>
                    ))}
                  </div>
                  {error ? (
                    <p id={`presence_${r.id}-error`} className="mt-2 text-sm font-medium text-error">
                      <span className="sr-only">Erreur : </span>
                      {error}
                    </p>
                  ) : null}
                </fieldset>
                {chosen[r.id] === "absent_excuse" ? (
                  <div className="mt-3 max-w-xl">
                    <TextInput
                      id={`motif_${r.id}`}
                      name={`motif_${r.id}`}
                      label={`Motif de l'absence de ${r.name}`}
                      hint="Facultatif. Restez factuel : « rendez-vous médical », « entretien d'embauche »."
                      maxLength={500}
                      defaultValue={typedValue(state, `motif_${r.id}`, r.motifAbsence ?? "")}
                      error={motifError}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Enregistrement…" : "Enregistrer les présences"}
          </Button>
        </div>
      </ActionForm>
    </Box>
  );
}

export function CloseSeanceForm({ seanceId, version, blocked }: { seanceId: string; version: number; blocked: string | null }) {
  const [state, formAction, pending] = useActionState<FormState<SeanceResult>, FormData>(closeSeanceAction, IDLE);
  return (
    <Box
      id="cloture"
      title="Clôturer la séance"
      description={blocked ?? "Les présences seront figées et la feuille d'émargement indiquera la présence de chacun."}
    >
      <ActionForm action={formAction} className="flex flex-col gap-4">
        <input type="hidden" name="seanceId" value={seanceId} />
        <input type="hidden" name="version" value={version} />
        <FormFeedback state={state} fields={[]} />
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Clôture…" : "Clôturer la séance"}
          </Button>
        </div>
      </ActionForm>
    </Box>
  );
}

export function CancelSeanceForm({ seanceId, version }: { seanceId: string; version: number }) {
  const [state, formAction, pending] = useActionState<FormState<SeanceResult>, FormData>(cancelSeanceAction, IDLE);
  const options = Object.entries(ANNULATION_MOTIFS).map(([value, label]) => ({ value, label }));
  return (
    <Box
      id="annulation"
      title="Annuler la séance"
      description="Les inscrits restent visibles ; la séance apparaît « annulée » dans l'agenda et dans leur dossier. Prévenez les jeunes."
    >
      <ActionForm action={formAction} className="flex flex-col gap-4">
        <input type="hidden" name="seanceId" value={seanceId} />
        <input type="hidden" name="version" value={version} />
        <FormFeedback state={state} fields={["motif"]} idFor={() => "annulation-motif"} summaryId="annulation-erreurs" />
        <div className="max-w-md">
          <SelectField
            id="annulation-motif"
            name="motif"
            label="Motif de l'annulation"
            required
            placeholder="Choisir un motif"
            options={options}
            defaultValue={typedValue(state, "motif")}
            error={errorOf(state, "motif")}
          />
        </div>
        <div>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Annulation…" : "Annuler la séance"}
          </Button>
        </div>
      </ActionForm>
    </Box>
  );
}
