import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { TextLink } from "@/components/ui/link";
import { SelectField } from "@/components/ui/select";
import { FINALITIES, type FinalityId } from "@/lib/data-map/finalities";
import { FLOW_LIST } from "@/lib/data-map/flows";
import { RECIPIENTS, type RecipientId } from "@/lib/data-map/recipients";
import { TRANSMISSION_STATUTS, hasTransmissionNarrowing, type TransmissionFilters } from "@/lib/transmissions/admin-params";
import { STATUS_LABELS } from "@/lib/transmissions/labels";

/** Recipients and finalities that the data map foresees a flow for, in the data map's order. */
const FLOW_RECIPIENTS = [...new Set(FLOW_LIST.map((f) => f.recipient))] as RecipientId[];
const FLOW_FINALITIES = [...new Set(FLOW_LIST.map((f) => f.finality))] as FinalityId[];

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function TransmissionsFilters({
  filters,
  structures,
}: {
  filters: TransmissionFilters;
  structures: { id: string; name: string }[];
}) {
  const key = [filters.recipient, filters.statut, filters.finality, filters.du, filters.au, filters.structureId].join("|");
  return (
    <form
      key={key}
      method="get"
      action="/transmissions"
      role="search"
      aria-label="Filtrer les transmissions"
      className="mb-6 grid gap-4 rounded-sm border border-border p-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      {structures.length > 0 ? (
        <SelectField
          name="structure"
          label="Mission locale"
          placeholder="Toutes les missions locales"
          options={structures.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={filters.structureId ?? ""}
        />
      ) : null}
      <SelectField
        name="destinataire"
        label="Destinataire"
        placeholder="Tous les destinataires"
        options={FLOW_RECIPIENTS.map((r) => ({ value: r, label: RECIPIENTS[r].name }))}
        defaultValue={filters.recipient ?? ""}
      />
      <SelectField
        name="finalite"
        label="Finalité"
        placeholder="Toutes les finalités"
        options={FLOW_FINALITIES.map((f) => ({ value: f, label: FINALITIES[f].name }))}
        defaultValue={filters.finality ?? ""}
      />
      <SelectField
        name="statut"
        label="Statut"
        placeholder="Tous les statuts"
        options={TRANSMISSION_STATUTS.map((s) => ({ value: s, label: STATUS_LABELS[s].text }))}
        defaultValue={filters.statut ?? ""}
      />
      <TextInput name="du" type="date" label="Créées à partir du" defaultValue={filters.du ?? ""} />
      <TextInput name="au" type="date" label="Jusqu'au (inclus)" defaultValue={filters.au ?? ""} />
      <div className="flex flex-wrap items-end gap-4 sm:col-span-2 lg:col-span-3">
        <Button type="submit" variant="primary">
          Filtrer
        </Button>
        {hasTransmissionNarrowing(filters) ? (
          <TextLink href="/transmissions" className="inline-flex min-h-11 items-center">
            Effacer les filtres
          </TextLink>
        ) : null}
      </div>
    </form>
  );
}
