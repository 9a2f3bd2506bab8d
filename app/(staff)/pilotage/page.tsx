import type { Metadata } from "next";
import { BarChart } from "@/components/pilotage/bar-chart";
import { FigureLink, KeyFigure } from "@/components/pilotage/figure-link";
import { PilotageFilterForm } from "@/components/pilotage/filter-form";
import { ScopeTable } from "@/components/pilotage/scope-table";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { formatDate, formatMonth, formatNumber } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";
import { motifSortieLabel } from "@/lib/parcours/motifs-sortie";
import { parsePilotageParams } from "@/lib/pilotage/params";
import { loadPilotage } from "@/lib/pilotage/queries";

export const metadata: Metadata = { title: "Pilotage" };

const percent = (n: number | null) => (n === null ? "—" : formatNumber(n, { style: "percent", maximumFractionDigits: 0 }));
const hours = (minutes: number) => `${formatNumber(minutes / 60, { maximumFractionDigits: 1 })} h`;

export default async function PilotagePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("pilotage.read");
  const filters = parsePilotageParams(await searchParams);
  const now = new Date();
  const data = await loadPilotage(user, filters, now, todayInParis(now));
  const { scope, months, hours: h, attendance: att } = data;
  const scopeName =
    data.conseillers.find((c) => c.id === data.filters.conseiller)?.name ??
    data.antennes.find((a) => a.id === data.filters.antenne)?.name ??
    "toute la mission locale";
  const motifKeys = [...new Set(months.flatMap((m) => Object.keys(m.motifs)))].sort();
  const totalIn = data.totals.entrees.value;
  const totalOut = data.totals.sorties.value;
  const share = h.total === 0 ? null : h.reached / h.total;
  const attendanceRows = [
    { key: "present", label: "Présent", figure: att.present, of: "présences" },
    { key: "excused", label: "Absent excusé", figure: att.excused, of: "absences excusées" },
    { key: "unexcused", label: "Absent non excusé", figure: att.unexcused, of: "absences non excusées" },
  ] as const;

  return (
    <>
      <PageHeader
        title={`Pilotage — ${data.structure.name}`}
        description={
          <>
            Les chiffres de {scopeName}, du {formatDate(data.period.from)} au {formatDate(data.period.to)} pour les entrées, les sorties et
            les rendez-vous ; à ce jour pour les jeunes suivis. Chaque chiffre souligné ouvre la liste de ce qu&apos;il compte.
          </>
        }
      />
      <PilotageFilterForm data={data} admin={user.role === "admin"} />

      <section aria-labelledby="chiffres-cles" className="mb-10">
        <h2 id="chiffres-cles" className="mb-4">
          Chiffres clés
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <KeyFigure title="Jeunes suivis (dossiers actifs)" value={formatNumber(scope.actifs.value)} href={scope.actifs.href} />
          <KeyFigure title="CEJ en cours" value={formatNumber(scope.cej.value)} href={scope.cej.href} />
          <KeyFigure title="PACEA en cours" value={formatNumber(scope.pacea.value)} href={scope.pacea.href} />
          <KeyFigure
            title="Contrats se terminant sous 30 jours"
            value={formatNumber(scope.alertes.contrat_fin.value)}
            href={scope.alertes.contrat_fin.href}
          />
          <KeyFigure
            title="CEJ sous 15 h (semaine dernière ou en cours)"
            value={formatNumber(scope.alertes.cej_heures.value)}
            href={scope.alertes.cej_heures.href}
          />
          <KeyFigure
            title="Allocations CEJ du mois dernier à décider"
            value={formatNumber(scope.alertes.allocation_a_decider.value)}
            href={scope.alertes.allocation_a_decider.href}
          />
          <KeyFigure title="Présence aux rendez-vous" value={percent(att.rate)}>
            <FigureLink value={att.present.value} href={att.present.href} label="présences aux rendez-vous individuels" /> présences sur{" "}
            <FigureLink value={att.marked.value} href={att.marked.href} label="rendez-vous individuels pointés" /> rendez-vous individuels
            pointés
          </KeyFigure>
          <KeyFigure
            title="Entrées · sorties sur la période"
            value={
              <>
                <FigureLink value={totalIn} href={data.totals.entrees.href} label="jeunes entrés sur la période" /> ·{" "}
                <FigureLink value={totalOut} href={data.totals.sorties.href} label="jeunes sortis sur la période" />
              </>
            }
          >
            Chaque jeune compte une fois sur la période
          </KeyFigure>
        </dl>
      </section>

      <section aria-labelledby="mouvements" className="mb-10">
        <h2 id="mouvements" className="mb-2">
          Entrées et sorties par mois
        </h2>
        <p className="mb-4 text-ink-2">
          On compte les jeunes : entré(e) quand un contrat CEJ ou PACEA commence, sorti(e) quand un contrat se termine. Un changement de
          dispositif (CEJ ↔ PACEA) n&apos;est compté ni comme entrée ni comme sortie. Chaque chiffre du tableau ouvre la liste de ces jeunes
          (dossiers actifs et archivés).
        </p>
        <div className="grid gap-8 lg:grid-cols-2">
          <BarChart
            id="graphique-mouvements"
            title="Entrées et sorties par mois"
            description={`Sur ${months.length} mois : ${formatNumber(totalIn)} jeunes entrés et ${formatNumber(totalOut)} sortis, chacun compté une fois. Le tableau à côté donne les chiffres mois par mois, avec les motifs de sortie.`}
            categories={months.map((m) => formatMonth(m.month))}
            series={[
              { key: "entrees", label: "Entrées", fillClass: "fill-primary", values: months.map((m) => m.entrees) },
              { key: "sorties", label: "Sorties", fillClass: "fill-warning", values: months.map((m) => m.sorties) },
            ]}
          />
          <Table caption="Entrées et sorties par mois, avec les motifs de sortie" className="text-sm">
            <THead>
              <Tr>
                <Th>Mois</Th>
                <Th className="text-right">Entrées</Th>
                <Th className="text-right">Sorties</Th>
                {motifKeys.map((k) => (
                  <Th key={k} className="text-right">
                    {motifSortieLabel(k)}
                  </Th>
                ))}
              </Tr>
            </THead>
            <TBody>
              {months.map((m) => (
                <Tr key={m.month}>
                  <Th scope="row" className="font-normal">
                    {formatMonth(m.month)}
                  </Th>
                  <Td className="text-right">
                    <FigureLink
                      value={m.entrees}
                      href={m.entrees ? m.links.entrees.href : null}
                      label={`jeunes entrés en ${formatMonth(m.month)}`}
                    />
                  </Td>
                  <Td className="text-right">
                    <FigureLink
                      value={m.sorties}
                      href={m.sorties ? m.links.sorties.href : null}
                      label={`jeunes sortis en ${formatMonth(m.month)}`}
                    />
                  </Td>
                  {motifKeys.map((k) => (
                    <Td key={k} className="text-right">
                      <FigureLink
                        value={m.motifs[k] ?? 0}
                        href={m.links.motifs[k]?.href ?? null}
                        label={`jeunes sortis en ${formatMonth(m.month)}, motif : ${motifSortieLabel(k)}`}
                      />
                    </Td>
                  ))}
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="heures-cej" className="mb-10">
        <h2 id="heures-cej" className="mb-2">
          Heures CEJ validées la semaine dernière
        </h2>
        <p className="mb-4 text-ink-2">
          Semaine du {formatDate(h.week.start)} au {formatDate(h.week.end)}, jeunes en CEJ tout au long de la semaine :{" "}
          {h.targetMinutes === null ? (
            "l'objectif hebdomadaire n'est pas paramétré."
          ) : (
            <>
              <strong>{percent(share)}</strong> ont au moins {hours(h.targetMinutes)} validées (
              <FigureLink value={h.reached} href={h.reachedHref} label="jeunes à l'objectif la semaine dernière" /> sur{" "}
              {formatNumber(h.total)}).{" "}
              {scope.alertes.cej_heures.href ? (
                <FigureLink
                  value={scope.alertes.cej_heures.value}
                  href={scope.alertes.cej_heures.href}
                  label="jeunes CEJ sous 15 h à voir"
                />
              ) : (
                formatNumber(scope.alertes.cej_heures.value)
              )}{" "}
              jeunes sont signalés sous {hours(h.targetMinutes)} dans le portefeuille (semaine dernière validée ou semaine en cours prévue).
            </>
          )}
        </p>
        <div className="grid gap-8 lg:grid-cols-2">
          <BarChart
            id="graphique-heures"
            title="Répartition des heures validées la semaine dernière"
            description={`${formatNumber(h.total)} jeunes en CEJ, dont ${formatNumber(h.reached)} à l'objectif. ${h.buckets.map((b) => `${b.label} : ${formatNumber(b.count)}`).join(" ; ")}.`}
            categories={h.buckets.map((b) => b.label)}
            series={[{ key: "jeunes", label: "Jeunes", fillClass: "fill-info", values: h.buckets.map((b) => b.count) }]}
          />
          <Table caption="Jeunes en CEJ par heures validées la semaine dernière" className="text-sm">
            <THead>
              <Tr>
                <Th>Heures validées</Th>
                <Th className="text-right">Jeunes</Th>
              </Tr>
            </THead>
            <TBody>
              {h.buckets.map((b) => (
                <Tr key={b.key}>
                  <Th scope="row" className="font-normal">
                    {b.label}
                  </Th>
                  <Td className="text-right">
                    <FigureLink value={b.count} href={b.href} label={`jeunes : ${b.label} validées la semaine dernière`} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="presence" className="mb-10">
        <h2 id="presence" className="mb-2">
          Présence aux rendez-vous individuels
        </h2>
        <p className="mb-4 text-ink-2">
          Rendez-vous individuels déjà passés sur la période, non annulés, dont la présence a été pointée. Chaque chiffre ouvre la liste de
          ces rendez-vous.
        </p>
        <Table caption="Rendez-vous individuels pointés, par présence" className="max-w-2xl text-sm">
          <THead>
            <Tr>
              <Th>Présence</Th>
              <Th className="text-right">Rendez-vous</Th>
              <Th className="text-right">Part</Th>
            </Tr>
          </THead>
          <TBody>
            {attendanceRows.map((r) => (
              <Tr key={r.key}>
                <Th scope="row" className="font-normal">
                  {r.label}
                </Th>
                <Td className="text-right">
                  <FigureLink value={r.figure.value} href={r.figure.value ? r.figure.href : null} label={`${r.of} aux rendez-vous`} />
                </Td>
                <Td className="text-right">{percent(att.marked.value === 0 ? null : r.figure.value / att.marked.value)}</Td>
              </Tr>
            ))}
            <Tr>
              <Th scope="row">Total pointé</Th>
              <Td className="text-right">
                <FigureLink value={att.marked.value} href={att.marked.value ? att.marked.href : null} label="rendez-vous pointés" />
              </Td>
              <Td className="text-right">{att.marked.value === 0 ? "—" : percent(1)}</Td>
            </Tr>
          </TBody>
        </Table>
      </section>

      {data.parAntenne.length > 0 ? (
        <section aria-labelledby="par-antenne" className="mb-10">
          <h2 id="par-antenne" className="mb-4">
            Par antenne
          </h2>
          <ScopeTable caption="Chiffres par antenne" rowHeader="Antenne" rows={data.parAntenne} />
        </section>
      ) : null}
      {data.parConseiller.length > 0 ? (
        <section aria-labelledby="par-conseiller" className="mb-10">
          <h2 id="par-conseiller" className="mb-4">
            Par conseiller
          </h2>
          <ScopeTable
            caption="Chiffres par conseiller (jeunes dont il ou elle est titulaire)"
            rowHeader="Conseiller"
            rows={data.parConseiller}
          />
        </section>
      ) : null}
    </>
  );
}
