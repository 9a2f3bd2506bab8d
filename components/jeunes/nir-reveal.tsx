"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { StatusIcon } from "@/components/ui/icons";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { revealNirAction } from "@/lib/jeunes/actions";

type Result = FormState<{ nir: string }>;

/**
 * The masked NIR with a deliberate "Afficher le NIR": the server re-checks access, decrypts, and records
 * the reveal; the number lives in this component's state only (never in a URL, gone on reload).
 * No <form> of its own, so it can sit inside another form (the edit form).
 */
export function NirReveal({ jeuneId, masked }: { jeuneId: string; masked: string }) {
  const [state, dispatch, pending] = useActionState<Result, FormData>(revealNirAction, IDLE);
  const [seen, setSeen] = useState<Result>(state);
  const [shown, setShown] = useState<string | null>(null);
  if (state !== seen) {
    setSeen(state);
    setShown(state.status === "success" ? state.data.nir : null);
  }

  function reveal() {
    const formData = new FormData();
    formData.set("jeuneId", jeuneId);
    startTransition(() => dispatch(formData));
  }

  // Screen readers hear the visible digits, not a row of bullets.
  const visible = masked.replace(/[•\s]+$/u, "").trim();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {shown ? (
          <span className="font-mono text-lg tracking-wide whitespace-nowrap">
            <span className="sr-only">Numéro de sécurité sociale : </span>
            {shown}
          </span>
        ) : (
          <span>
            <span aria-hidden="true" className="font-mono text-lg tracking-wide whitespace-nowrap">
              {masked}
            </span>
            <span className="sr-only">
              {visible && !visible.includes("•")
                ? `Numéro de sécurité sociale masqué : ${visible}, suite masquée`
                : "Numéro de sécurité sociale masqué"}
            </span>
          </span>
        )}
        {/* One button whose effect flips, so keyboard focus stays on it after the reveal (aria-disabled,
            not disabled, while waiting: a disabled button would drop the focus). */}
        <Button
          type="button"
          variant="tertiary"
          size="sm"
          aria-disabled={pending || undefined}
          onClick={pending ? undefined : shown ? () => setShown(null) : reveal}
        >
          {shown ? "Masquer le NIR" : pending ? "Affichage…" : "Afficher le NIR"}
        </Button>
      </div>
      <p role="status" className="text-sm text-ink-2">
        {shown ? "Cet affichage est enregistré dans l'historique du dossier." : ""}
      </p>
      {state.status === "error" && (
        <p role="alert" className="flex items-start gap-2 text-sm font-medium text-error">
          <StatusIcon tone="error" className="mt-0.5" />
          <span>
            <span className="sr-only">Erreur : </span>
            {state.message}
          </span>
        </p>
      )}
    </div>
  );
}
