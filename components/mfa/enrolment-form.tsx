"use client";

import { useActionState } from "react";
import { FeedbackForm } from "@/components/ui/form-section";
import { FormFeedback } from "@/components/ui/form-feedback";
import { TextLink } from "@/components/ui/link";
import { errorOf, IDLE, type FormState } from "@/lib/actions/form-state";
import { confirmEnrolmentAction } from "@/lib/mfa/actions";
import type { RecoveryCodesResult } from "@/lib/mfa/writes";
import { TotpCodeField } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";

export interface EnrolmentOfferProps {
  sealed: string;
  qrDataUrl: string;
  secretGroups: string;
}

/**
 * Setting up the authenticator app: scan the QR code (or type the key), then type the first code it shows.
 * Once confirmed, the ten recovery codes are shown, once, and the person goes on.
 */
export function EnrolmentForm({
  offer,
  continueHref,
  continueLabel,
}: {
  offer: EnrolmentOfferProps;
  continueHref: string;
  continueLabel: string;
}) {
  const [state, action, pending] = useActionState<FormState<RecoveryCodesResult>, FormData>(confirmEnrolmentAction, IDLE);

  if (state.status === "success") {
    return (
      <div className="flex flex-col gap-6">
        <FormFeedback state={state} fields={[]} />
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <p>
          <TextLink href={continueHref}>{continueLabel}</TextLink>
        </p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <ol className="flex list-decimal flex-col gap-6 pl-6">
        <li>
          <p className="font-bold">Installez une application d&apos;authentification sur votre téléphone</p>
          <p className="text-ink-2">
            Par exemple FreeOTP, Aegis (Android), Google Authenticator ou Microsoft Authenticator. Elle fonctionne sans connexion internet.
          </p>
        </li>
        <li>
          <div className="flex flex-col gap-3">
            <p className="font-bold">Ajoutez votre compte Sillage dans l&apos;application</p>
            <p className="text-ink-2">Choisissez « Scanner un QR code » dans l&apos;application, puis visez ce carré :</p>
            {/* biome-ignore lint/performance/noImgElement: a data: URL drawn on the server, nothing for next/image to optimise. */}
            <img
              src={offer.qrDataUrl}
              alt="QR code à scanner avec votre application d'authentification"
              width={220}
              height={220}
              className="size-[220px] border border-border bg-white"
            />
            <p className="text-ink-2">Vous ne pouvez pas scanner ? Choisissez « Saisir une clé » et recopiez cette clé :</p>
            <dl className="flex flex-col gap-1">
              <dt className="text-sm text-ink-2">Clé de configuration (type : basée sur le temps)</dt>
              <dd>
                <code id="cle-totp" className="inline-block break-all rounded-sm bg-alt px-2 py-1 font-mono text-lg tracking-wider">
                  {offer.secretGroups}
                </code>
              </dd>
            </dl>
          </div>
        </li>
        <li>
          <div className="flex flex-col gap-3">
            <p className="font-bold">Saisissez le code affiché par l&apos;application</p>
            <FeedbackForm
              action={action}
              state={state}
              pending={pending}
              fields={["code"]}
              hidden={{ enrolment: offer.sealed }}
              submit="Activer la double authentification"
              idFor={(name) => `activation-${name}`}
              className="flex flex-col gap-4"
            >
              <TotpCodeField id="activation-code" error={errorOf(state, "code")} />
            </FeedbackForm>
          </div>
        </li>
      </ol>
    </div>
  );
}
