import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { SettingForm } from "@/components/settings/setting-form";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatDate } from "@/lib/format/fr";
import { describeSettingValue } from "@/lib/settings/display";
import { SETTING_DEFINITIONS, SETTING_KEYS, isSettingKey } from "@/lib/settings/definitions";
import { listNationalSettings } from "@/lib/settings/queries";
import { valueInForce } from "@/lib/settings/rules";

export const metadata: Metadata = { title: "Paramètres datés" };

export default async function SettingsPage() {
  await requireCapability("settings.manage");
  const rows = await listNationalSettings();
  const today = todayInParis(new Date());
  const byKey = SETTING_KEYS.map((key) => {
    const history = rows.filter((r) => r.key === key);
    return { key, label: SETTING_DEFINITIONS[key].label, history, current: valueInForce(history, today) };
  });
  const unknown = rows.filter((r) => !isSettingKey(r.key));

  return (
    <>
      <PageHeader
        title="Paramètres datés"
        description="Montants, barèmes et durées fixés par les textes. Une nouvelle valeur s'ajoute avec sa date d'effet : les calculs passés gardent la valeur de leur date."
      />
      {unknown.length > 0 ? (
        <Alert tone="warning" title="Paramètres inconnus">
          {unknown.length} valeur(s) portent une clé que Sillage ne connaît pas.
        </Alert>
      ) : null}
      <div className="grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="titre-valeurs" className="flex min-w-0 flex-col gap-6">
          <h2 id="titre-valeurs">Valeurs enregistrées</h2>
          {byKey.map(({ key, label, history, current }) => (
            <article key={key} className="rounded-lg border border-border p-4">
              <h3 className="mb-2">{label}</h3>
              <ol className="flex flex-col gap-3">
                {history.map((row) => (
                  <li key={row.id} className="border-l-4 border-border pl-3">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-bold">À partir du {formatDate(row.effectiveFrom)}</span>
                      {current?.id === row.id ? <Badge tone="success">En vigueur</Badge> : null}
                      {row.effectiveFrom > today ? <Badge tone="info">À venir</Badge> : null}
                      {row.toConfirm ? <Badge tone="warning">À confirmer</Badge> : null}
                    </p>
                    <dl className="mt-2 grid gap-x-4 gap-y-1 rounded bg-alt p-3 text-sm sm:grid-cols-[auto_1fr]">
                      {describeSettingValue(row.key, row.value).map((item) => (
                        <div key={item.label} className="contents">
                          <dt className="text-ink-2">{item.label}</dt>
                          <dd className="font-bold break-words">{item.text}</dd>
                        </div>
                      ))}
                    </dl>
                    <p className="text-sm text-ink-2">Source : {row.source}</p>
                    {row.toConfirm ? <p className="text-sm text-ink-2">{row.toConfirm}</p> : null}
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </section>
        <section aria-labelledby="titre-ajout" className="min-w-0 self-start rounded-lg bg-alt p-6 lg:sticky lg:top-4">
          <h2 id="titre-ajout" className="mb-4">
            Ajouter une valeur datée
          </h2>
          <SettingForm options={byKey.map(({ key, label }) => ({ value: key, label }))} />
        </section>
      </div>
    </>
  );
}
