import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select";
import { PERIOD_VALUES } from "@/lib/pilotage/params";
import type { Pilotage } from "@/lib/pilotage/queries";

/** A GET form: structure (admin), scope and period live in the URL, so a view can be bookmarked and shared. */
export function PilotageFilterForm({ data, admin }: { data: Pilotage; admin: boolean }) {
  const f = data.filters;
  return (
    <form
      key={[f.structure, f.antenne, f.conseiller, f.mois].join("|")}
      method="get"
      action="/pilotage"
      aria-label="Choisir le périmètre et la période"
      className="mb-8 grid gap-4 rounded-sm border border-border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      {admin ? (
        <SelectField
          name="structure"
          label="Mission locale"
          options={data.structures.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={data.structure.id}
        />
      ) : null}
      <SelectField
        name="antenne"
        label="Antenne"
        placeholder="Toutes les antennes"
        options={data.antennes.map((a) => ({ value: a.id, label: a.name }))}
        defaultValue={f.antenne ?? ""}
      />
      <SelectField
        name="conseiller"
        label="Conseiller titulaire"
        placeholder="Tous les conseillers"
        options={data.conseillers.map((c) => ({ value: c.id, label: c.name }))}
        defaultValue={f.conseiller ?? ""}
      />
      <SelectField
        name="mois"
        label="Période"
        options={PERIOD_VALUES.map((n) => ({ value: String(n), label: `${n} derniers mois` }))}
        defaultValue={String(f.mois)}
      />
      <div className="flex items-end sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary">
          Afficher
        </Button>
      </div>
    </form>
  );
}
