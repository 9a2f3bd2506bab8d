"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { type FormState, IDLE } from "@/lib/actions/form-state";
import type { SessionView } from "@/lib/sessions/labels";
import type { ClosedSessions } from "@/lib/sessions/writes";
import { closeOtherSessionsAction, revokeOwnSessionAction, signOutEverywhereAction } from "@/lib/sessions/actions";

/** Staff wording, or the young person's plain words (FALC). */
export type SessionsWording = "staff" | "jeune";

const WORDS = {
  staff: {
    current: "Cette session",
    method: "Connexion",
    opened: "Ouverte le",
    lastSeen: "Dernière activité",
    close: "Fermer cette session",
    closeOthers: "Fermer les autres sessions",
    closeOthersHint: "Les autres navigateurs devront se reconnecter. Vous restez connecté ici.",
    everywhere: "Se déconnecter partout",
    everywhereHint: "Toutes vos sessions sont fermées, celle-ci comprise : vous revenez à la page de connexion.",
    pending: "Fermeture…",
  },
  jeune: {
    current: "Cet appareil",
    method: "Connexion avec",
    opened: "Depuis le",
    lastSeen: "Utilisé",
    close: "Déconnecter cet appareil",
    closeOthers: "Déconnecter les autres appareils",
    closeOthersHint: "Vous restez connecté sur cet appareil.",
    everywhere: "Se déconnecter partout",
    everywhereHint: "Vous êtes déconnecté de tous les appareils, celui-ci aussi.",
    pending: "Un instant…",
  },
} as const;

export function SessionsPanel({ sessions, wording }: { sessions: readonly SessionView[]; wording: SessionsWording }) {
  const words = WORDS[wording];
  const [closeState, closeAction, closing] = useActionState<FormState<ClosedSessions>, FormData>(revokeOwnSessionAction, IDLE);
  return (
    <div className="flex flex-col gap-6">
      {/* One form for the list: the button pressed names the session, and the message outlives its row. */}
      <ActionForm action={closeAction} className="flex flex-col gap-4">
        <FormFeedback state={closeState} fields={[]} summaryId="sessions-erreurs" />
        <ul className="flex flex-col gap-3">
          {sessions.map((s) => (
            <li key={s.id} className="rounded-sm border border-border p-4">
              <div className="mb-2 flex flex-wrap items-center gap-2">
                <h3 id={`session-${s.id}`} className="text-lg">
                  {s.device}
                </h3>
                {s.current ? <Badge tone="info">{words.current}</Badge> : null}
              </div>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-bold">{words.method}</dt>
                <dd>{s.method}</dd>
                <dt className="font-bold">{words.opened}</dt>
                <dd>{s.opened}</dd>
                <dt className="font-bold">{words.lastSeen}</dt>
                <dd>{s.lastSeen}</dd>
              </dl>
              {s.current ? null : (
                <div className="mt-3">
                  <Button
                    type="submit"
                    name="sessionId"
                    value={s.id}
                    variant="secondary"
                    size="sm"
                    disabled={closing}
                    aria-describedby={`session-${s.id}`}
                  >
                    {words.close}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </ActionForm>
      <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap">
        <OneButtonForm
          action={closeOtherSessionsAction}
          label={words.closeOthers}
          hint={words.closeOthersHint}
          id="autres"
          pending={words.pending}
        />
        <OneButtonForm
          action={signOutEverywhereAction}
          label={words.everywhere}
          hint={words.everywhereHint}
          id="partout"
          pending={words.pending}
        />
      </div>
    </div>
  );
}

function OneButtonForm<T>({
  action,
  label,
  hint,
  id,
  pending: pendingLabel,
}: {
  action: (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;
  label: string;
  hint: string;
  id: string;
  pending: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(action, IDLE);
  return (
    <ActionForm action={formAction} className="flex max-w-sm flex-col gap-2">
      <FormFeedback state={state} fields={[]} summaryId={`sessions-${id}-erreurs`} />
      <p id={`sessions-${id}-aide`} className="text-ink-2">
        {hint}
      </p>
      <div>
        <Button type="submit" variant="secondary" disabled={pending} aria-describedby={`sessions-${id}-aide`}>
          {pending ? pendingLabel : label}
        </Button>
      </div>
    </ActionForm>
  );
}
