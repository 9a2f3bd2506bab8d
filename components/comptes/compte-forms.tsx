"use client";

import { useState } from "react";
import { ErrorLines } from "@/components/ui/error-lines";
import { TextLink } from "@/components/ui/link";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { StepForm } from "@/components/ui/step-form";
import { errorOf, typedValue } from "@/lib/actions/form-state";
import { changeCompteRoleAction, deactivateCompteAction, moveCompteAction, reactivateCompteAction } from "@/lib/comptes/actions";
import type { CompteResult } from "@/lib/comptes/writes";

export interface CompteRef {
  id: string;
  /** The account's updated_at in milliseconds: the optimistic lock of every form. */
  version: number;
  /** Whether the caller hands young people over (the director): the refusal then links to the page. */
  canReassign: boolean;
}

type CompteFormProps = Omit<Parameters<typeof StepForm<CompteResult>>[0], "hidden" | "headingLevel" | "afterFeedback"> & {
  compte: CompteRef;
};

/** One act on the account; a refusal for young people still followed links to their reassignment. */
function CompteForm({ compte, ...props }: CompteFormProps) {
  return (
    <StepForm<CompteResult>
      {...props}
      headingLevel={2}
      hidden={{ compteId: compte.id, version: compte.version }}
      afterFeedback={(state) => {
        const portfolio = state.status === "error" && state.details?.kind === "portefeuille" ? state.details : null;
        if (!portfolio) return null;
        return (
          <p>
            {compte.canReassign ? (
              <TextLink href={portfolio.href}>
                Réaffecter {portfolio.jeunes === 1 ? "ce jeune" : `ces ${portfolio.jeunes} jeunes`} (page Réaffectation)
              </TextLink>
            ) : (
              "Le directeur de la mission locale les réaffecte depuis sa page Réaffectation."
            )}
          </p>
        );
      }}
    />
  );
}

export function RoleForm({
  compte,
  role,
  roles,
  structures,
}: {
  compte: CompteRef;
  role: string;
  roles: readonly SelectOption[];
  /** Offered when the account has no structure yet (an admin becoming a director…); empty otherwise. */
  structures: readonly SelectOption[];
}) {
  return (
    <CompteForm
      action={changeCompteRoleAction}
      compte={compte}
      prefix="role"
      title="Changer le rôle"
      description="Les sessions ouvertes de ce compte seront fermées : la personne devra se reconnecter."
      fields={["role", "structureId"]}
      submit="Changer le rôle"
      variant="secondary"
    >
      {(state, id) => (
        <div className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            id={id("role")}
            name="role"
            label="Nouveau rôle"
            required
            options={roles}
            defaultValue={typedValue(state, "role", role)}
            error={errorOf(state, "role")}
          />
          {structures.length > 0 ? (
            <SelectField
              id={id("structureId")}
              name="structureId"
              label="Mission locale"
              hint="Obligatoire pour tout rôle autre qu'administrateur."
              options={structures}
              placeholder="Choisissez une mission locale"
              defaultValue={typedValue(state, "structureId")}
              error={errorOf(state, "structureId")}
            />
          ) : null}
        </div>
      )}
    </CompteForm>
  );
}

export interface AntenneOption extends SelectOption {
  structureId: string;
}

export function MoveForm({
  compte,
  structureId,
  antenneId,
  structures,
  antennes,
}: {
  compte: CompteRef;
  structureId: string;
  antenneId: string | null;
  /** The structures the account may move to (admin); empty: it stays in its structure. */
  structures: readonly SelectOption[];
  antennes: readonly AntenneOption[];
}) {
  const [chosen, setChosen] = useState(structureId);
  return (
    <CompteForm
      action={moveCompteAction}
      compte={compte}
      prefix="rattachement"
      title={structures.length > 0 ? "Changer de mission locale ou d'antenne" : "Changer d'antenne"}
      description={
        structures.length > 0
          ? "Un conseiller qui suit encore des jeunes ne change de mission locale qu'après leur réaffectation."
          : undefined
      }
      fields={["structureId", "antenneId"]}
      submit="Enregistrer le rattachement"
      variant="secondary"
    >
      {(state, id) => {
        // The chosen structure is client state: it survives a refused submit (the form is never reset).
        const current = structures.length > 0 ? chosen : structureId;
        const options = antennes.filter((a) => a.structureId === current);
        return (
          <div className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-2">
            {structures.length > 0 ? (
              <SelectField
                id={id("structureId")}
                name="structureId"
                label="Mission locale"
                required
                options={structures}
                value={current}
                onChange={(e) => setChosen(e.target.value)}
                error={errorOf(state, "structureId")}
              />
            ) : (
              <input type="hidden" name="structureId" value={structureId} />
            )}
            <SelectField
              key={current}
              id={id("antenneId")}
              name="antenneId"
              label="Antenne"
              options={options}
              placeholder="Aucune antenne"
              defaultValue={typedValue(state, "antenneId", current === structureId ? (antenneId ?? "") : "")}
              error={errorOf(state, "antenneId")}
            />
          </div>
        );
      }}
    </CompteForm>
  );
}

export function DeactivateForm({ compte, name }: { compte: CompteRef; name: string }) {
  return (
    <CompteForm
      action={deactivateCompteAction}
      compte={compte}
      prefix="desactivation"
      title="Désactiver le compte"
      description={
        <>
          <p>
            {name} ne pourra plus se connecter et ses sessions ouvertes seront fermées. Ses jeunes ne sont jamais réaffectés automatiquement
            : un conseiller encore référent de dossiers actifs ne peut pas être désactivé.
          </p>
          <p className="mt-2">Le compte reste dans le journal et peut être réactivé.</p>
        </>
      }
      fields={["confirmation"]}
      submit="Désactiver le compte"
      variant="danger"
    >
      {(state, id) => {
        const error = errorOf(state, "confirmation");
        const errorId = id("confirmation-error");
        return (
          <div className={error ? "border-l-2 border-error pl-3" : undefined}>
            <div className="flex items-start gap-3">
              <input
                id={id("confirmation")}
                name="confirmation"
                type="checkbox"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                className="mt-0.5 size-6 shrink-0 accent-primary"
              />
              <label htmlFor={id("confirmation")} className="font-medium">
                Je confirme la désactivation de ce compte
              </label>
            </div>
            {error ? (
              <div className="mt-2">
                <ErrorLines id={errorId} messages={[error]} />
              </div>
            ) : null}
          </div>
        );
      }}
    </CompteForm>
  );
}

export function ReactivateForm({ compte }: { compte: CompteRef }) {
  return (
    <CompteForm
      action={reactivateCompteAction}
      compte={compte}
      prefix="reactivation"
      title="Réactiver le compte"
      description="La personne pourra de nouveau se connecter, avec son rôle et son rattachement actuels."
      fields={[]}
      submit="Réactiver le compte"
    />
  );
}
