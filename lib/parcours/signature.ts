/**
 * Every check of a new contract (signature, or the contract signed by a CEJ ↔ PACEA switch), all at once
 * and keyed by the form field where each can be fixed. Pure: the young person's data and the previous
 * contracts are parameters.
 */
import { addDays, compare, type CivilDate } from "@/lib/calendar/civil-date";
import { eligibility } from "@/lib/jeunes/rules";
import { checkCejEntry, checkPlannedEnd, type ContractKind } from "./contrats";
import { formatLongCivilDate } from "@/lib/format/fr";

export interface NewContract {
  type: ContractKind;
  signeLe: CivilDate;
  debut: CivilDate;
  finPrevue: CivilDate;
  prolongationMotif: string | null;
  etudiant: boolean;
}

export interface PreviousContract {
  type: ContractKind;
  debut: CivilDate;
  /** Last day in force: actual end (every previous contract has ended). */
  fin: CivilDate;
}

export interface NewContractContext {
  birthDate: CivilDate;
  rqth: boolean;
  previous: readonly PreviousContract[];
  today: CivilDate;
  /** Name of the field holding the start date (the switch form calls it "dateBascule"). */
  debutField?: string;
}

export type FieldMessages = Record<string, string[]>;

export function checkNewContract(c: NewContract, ctx: NewContractContext): FieldMessages {
  const errors: FieldMessages = {};
  const add = (field: string, message: string) => {
    (errors[field] ??= []).push(message);
  };
  const debutField = ctx.debutField ?? "debut";

  if (compare(c.signeLe, ctx.today) > 0)
    add("signeLe", "La date de signature ne peut pas être dans le futur : enregistrez le contrat le jour où il est signé.");
  if (compare(c.debut, c.signeLe) < 0)
    add(debutField, `Le contrat commence au plus tôt le jour de sa signature (le ${formatLongCivilDate(c.signeLe)}).`);

  const lastEnd = ctx.previous
    .map((p) => p.fin)
    .sort(compare)
    .at(-1);
  if (lastEnd !== undefined && compare(c.debut, lastEnd) <= 0) {
    add(
      debutField,
      `Le contrat précédent a pris fin le ${formatLongCivilDate(lastEnd)} : le nouveau contrat commence au plus tôt le lendemain, le ${formatLongCivilDate(addDays(lastEnd, 1))}.`,
    );
  }

  const end = checkPlannedEnd({ kind: c.type, start: c.debut, plannedEnd: c.finPrevue, extensionReason: c.prolongationMotif });
  if (!end.ok) add("finPrevue", end.message);

  if (c.type === "CEJ") {
    const entry = checkCejEntry({
      birthDate: ctx.birthDate,
      startDate: c.debut,
      rqth: ctx.rqth,
      etudiant: c.etudiant,
      previousCejEnds: ctx.previous.filter((p) => p.type === "CEJ").map((p) => p.fin),
    });
    if (!entry.ok) {
      for (const r of entry.refusals) add(r.code === "etudiant" ? "etudiant" : r.code === "gap_too_short" ? debutField : "type", r.message);
    }
  } else {
    const age = eligibility({ birthDate: ctx.birthDate, today: c.debut, rqth: ctx.rqth, dispositif: "PACEA" });
    if (!age.ok) add("type", `À la date de début prévue (${formatLongCivilDate(c.debut)}) : ${age.message}`);
  }
  return errors;
}
