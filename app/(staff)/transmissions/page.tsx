import { clsx } from "clsx";
import type { Metadata } from "next";
import { FailedMailList } from "@/components/mail/failed-mail-list";
import { TransmissionsFilters } from "@/components/transmissions/filters";
import { StatusCounts } from "@/components/transmissions/status-counts";
import { TransmissionsList } from "@/components/transmissions/list";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import { exportLabel } from "@/lib/format/export-label";
import { formatNumber } from "@/lib/format/fr";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { listFailedMail } from "@/lib/mail/queries";
import {
  hasTransmissionNarrowing,
  parseTransmissionParams,
  transmissionQuery,
  transmissionsCsvHref,
  transmissionsHref,
} from "@/lib/transmissions/admin-params";
import { listStructureOptions, listTransmissions } from "@/lib/transmissions/admin-queries";
import { isSendNowStatus, sendNowMessage } from "@/lib/transmissions/send-now-writes";

export const metadata: Metadata = { title: "Transmissions" };

export default async function TransmissionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCapability("transmissions.read");
  const raw = await searchParams;
  const filters = parseTransmissionParams(raw);
  const admin = user.role === "admin";
  const [{ rows, total, page, pageCount, counts }, structureOptions, failedMail] = await Promise.all([
    listTransmissions(user, filters),
    listStructureOptions(user),
    can(user.role, "mail.read") ? listFailedMail(user) : [],
  ]);
  const canRetry = can(user.role, "transmissions.retry");
  const relaunched = firstString(raw.relance) === "ok";
  const mailRelaunched = firstString(raw.courriel) === "relance";
  const sent = firstString(raw.envoi);
  const sentStatus = sent && isSendNowStatus(sent) ? sent : null;
  const current = { ...filters, page };

  return (
    <>
      <PageHeader
        title="Transmissions"
        description={
          <>
            Les données envoyées {admin ? "par les missions locales" : "par votre mission locale"} à France Travail, à l&apos;Assurance
            maladie et à l&apos;ASP : à qui, pour quelle finalité, avec quel résultat. Seuls les noms des données envoyées sont conservés
            ici, jamais leur contenu.
            {canRetry
              ? " Une transmission en attente peut être envoyée tout de suite ; une transmission abandonnée après plusieurs échecs, ou refusée par le destinataire, peut être relancée."
              : ""}
          </>
        }
        actions={
          <a href={transmissionsCsvHref(filters)} download className={clsx(buttonClasses("secondary"), "whitespace-nowrap")}>
            {exportLabel("CSV", total)}
          </a>
        }
      />

      {relaunched ? (
        <Alert tone="success" live="polite" title="Transmission relancée" className="mb-6">
          Elle est remise dans la file d&apos;envoi, avec le même contenu, et partira au prochain passage du service d&apos;envoi.
        </Alert>
      ) : null}

      {mailRelaunched ? (
        <Alert tone="success" live="polite" title="Courriel relancé" className="mb-6">
          Il est remis dans la file d&apos;envoi et un nouvel essai vient d&apos;être fait : s&apos;il apparaît encore ci-dessous,
          l&apos;envoi a de nouveau échoué.
        </Alert>
      ) : null}

      {failedMail.length > 0 ? <FailedMailList rows={failedMail} admin={admin} canRetry={can(user.role, "mail.retry")} /> : null}

      {sentStatus ? (
        <Alert
          tone={
            sentStatus === "accusee"
              ? "success"
              : sentStatus === "a_envoyer" || sentStatus === "echec_temporaire" || sentStatus === "differe" || sentStatus === "confiee"
                ? "info"
                : "warning"
          }
          live="polite"
          title="Envoi immédiat"
          className="mb-6"
        >
          {sendNowMessage({ status: sentStatus, acknowledgement: null })}
        </Alert>
      ) : null}

      <TransmissionsFilters filters={filters} structures={structureOptions} />

      <StatusCounts filters={filters} counts={counts} />

      {rows.length === 0 ? (
        hasTransmissionNarrowing(filters) ? (
          <EmptyState title="Aucune transmission ne correspond à ces filtres">
            Élargissez la période ou <TextLink href="/transmissions">affichez toutes les transmissions</TextLink>.
          </EmptyState>
        ) : (
          <EmptyState title="Aucune transmission pour l'instant">
            Les envois apparaissent ici dès qu&apos;un contrat CEJ ou PACEA est signé, modifié ou terminé, ou qu&apos;une allocation est
            décidée.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-3 text-ink-2" aria-live="polite">
            {formatNumber(total)} {total > 1 ? "transmissions" : "transmission"}, les plus récentes d&apos;abord
            {pageCount > 1 ? ` — page ${page} sur ${pageCount}` : ""}
          </p>
          <TransmissionsList
            rows={rows}
            admin={admin}
            canRetry={canRetry}
            retour={transmissionQuery(current, { page })}
            caption={`Transmissions, les plus récentes d'abord, page ${page} sur ${pageCount}`}
          />
          <div className="mt-6">
            <Pagination
              page={page}
              pageCount={pageCount}
              hrefFor={(p) => transmissionsHref(filters, { page: p })}
              label="Pages des transmissions"
            />
          </div>
        </>
      )}
    </>
  );
}
