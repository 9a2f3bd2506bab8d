"use client";

import { StepForm } from "@/components/ui/step-form";
import { revokeAccountSessionsAction } from "@/lib/sessions/actions";
import type { SessionView } from "@/lib/sessions/labels";
import type { ClosedSessions } from "@/lib/sessions/writes";

/** "Sessions ouvertes" of a staff account's page, with the act that closes them all. */
export function AccountSessionsForm({ compteId, sessions }: { compteId: string; sessions: readonly SessionView[] }) {
  return (
    <StepForm<ClosedSessions>
      action={revokeAccountSessionsAction}
      hidden={{ compteId }}
      prefix="sessions"
      title="Sessions ouvertes"
      headingLevel={2}
      description={
        sessions.length === 0 ? (
          <p>Aucune session ouverte : ce compte n&apos;est connecté nulle part.</p>
        ) : (
          <>
            <ul className="mb-3 flex flex-col gap-1">
              {sessions.map((s) => (
                <li key={s.id}>
                  <strong className="text-ink">{s.device}</strong> · {s.method} · ouverte le {s.opened} · dernière activité {s.lastSeen}
                </li>
              ))}
            </ul>
            <p>Fermer ses sessions déconnecte la personne partout : elle devra se reconnecter. Son compte reste actif.</p>
          </>
        )
      }
      fields={[]}
      submit="Fermer toutes ses sessions"
      variant="secondary"
    />
  );
}
