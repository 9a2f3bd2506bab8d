import { MfaResetForm } from "@/components/mfa/mfa-reset-form";
import type { SessionUser } from "@/lib/auth/session-user";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { getCompteMfaStatus } from "@/lib/mfa/queries";

/** An account's second factor, for the admin: its state and, for another's account, the reset. */
export async function MfaSection({ user, compte }: { user: SessionUser; compte: { id: string; name: string } }) {
  const status = await getCompteMfaStatus(user, compte.id);
  if (!status) return null;
  return (
    <section aria-labelledby="titre-mfa" className="mb-8 flex max-w-3xl flex-col gap-4">
      <h2 id="titre-mfa" className="text-lg">
        Double authentification
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">État</dt>
        <dd>{status.enabledAt ? `Activée le ${formatDateTime(status.enabledAt)}` : "Non activée"}</dd>
        {status.enabledAt ? (
          <>
            <dt className="font-bold">Codes de secours restants</dt>
            <dd>{formatNumber(status.recoveryCodesLeft)} sur 10</dd>
          </>
        ) : null}
      </dl>
      {compte.id !== user.id ? <MfaResetForm compteId={compte.id} name={compte.name} enabled={status.enabledAt !== null} /> : null}
    </section>
  );
}
