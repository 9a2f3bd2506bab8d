import type { Metadata } from "next";
import { z } from "zod";
import { EspaceDemandeForm, type EspaceFormOptions } from "@/components/droits/espace-form";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { requireRole } from "@/lib/auth/session";
import { FINALITIES } from "@/lib/data-map/finalities";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { finalitesOfDispositif, typesOfferedFor } from "@/lib/droits/finalites";
import type { DemandeType } from "@/lib/droits/labels";
import { OFFERED_TYPES } from "@/lib/droits/schema";
import { lineReference } from "@/lib/espace/journey";
import { getMyLine } from "@/lib/espace/journey-queries";
import { parseLineRef } from "@/lib/espace/ligne";
import { listMyTransmissions } from "@/lib/espace/queries";
import { formatDateTime } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";
import { getOwnDossier } from "@/lib/jeunes/dossier";

export const metadata: Metadata = { title: "Faire une demande sur mes données" };

/** The requests in everyday words (FALC): one short title, one sentence. */
const TYPES_FALC: Record<DemandeType, { label: string; hint: string }> = {
  acces: { label: "Voir mes données", hint: "Recevoir une copie de ce que la mission locale sait sur moi." },
  rectification: { label: "Corriger une information", hint: "Une information sur moi est fausse ou pas complète." },
  effacement: { label: "Effacer mes données", hint: "Parfois, la loi oblige à les garder. Dans ce cas, nous vous expliquons pourquoi." },
  limitation: { label: "Bloquer mes données pour un temps", hint: "Pendant ce temps, elles ne sont envoyées à personne." },
  opposition: { label: "Dire non à une utilisation de mes données", hint: "Vous expliquez pourquoi. Nous étudions votre demande." },
  portabilite: { label: "Recevoir mes données dans un fichier", hint: "Pour les donner à un autre organisme." },
  question_transmission: {
    label: "Poser une question sur un envoi de mes données",
    hint: "Par exemple : pourquoi mes données ont été envoyées à France Travail.",
  },
};

export default async function DemandeEspacePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole("jeune");
  const dossier = await getOwnDossier(user);
  if (!dossier) {
    return (
      <>
        <h1 className="mb-4">Faire une demande sur mes données</h1>
        <Alert tone="info">Votre compte n&apos;est pas encore relié à un dossier. Parlez-en à votre conseiller.</Alert>
      </>
    );
  }
  const query = await searchParams;
  const rawTransfer = Array.isArray(query.transmission) ? query.transmission[0] : query.transmission;
  // Only one of the person's own transfers can be referenced (the action checks it again).
  const transfer = z.uuid().safeParse(rawTransfer).success
    ? (await listMyTransmissions(user)).find((t) => t.id === rawTransfer)
    : undefined;
  // A line of the journey ("J'ai une question sur cette ligne"): only one of the person's own (checked again by the action).
  const line = transfer ? null : await getMyLine(user, parseLineRef(Array.isArray(query.ligne) ? query.ligne[0] : query.ligne));
  const finalites = finalitesOfDispositif(dossier.dispositif);
  const offered = typesOfferedFor(finalites).filter((t) => OFFERED_TYPES.includes(t));
  const reference = transfer ? `l'envoi du ${formatDateTime(transfer.createdAt)} à ${RECIPIENTS[transfer.recipient].name}` : null;
  const options: EspaceFormOptions = {
    types: offered.map((t) => ({ value: t, ...TYPES_FALC[t] })),
    finalites: finalites.filter((f) => f !== "droits").map((f) => ({ value: f, label: FINALITIES[f].falc.title })),
    initial:
      transfer && reference
        ? { type: "question_transmission", objet: `Ma question sur ${reference} : `, transmissionId: transfer.id, reference }
        : line
          ? {
              // A question on a transfer is that request type; on an opening or a change, it is a request to know (access).
              type: line.ref.kind === "envoi" ? "question_transmission" : "acces",
              objet: `Ma question sur ${lineReference(line)} : `,
              ligne: line.refParam,
              reference: lineReference(line),
            }
          : undefined,
  };

  return (
    <div className="flex flex-col gap-6">
      <p>
        <TextLink href="/mon-espace">Retour à mon espace</TextLink>
      </p>
      <div>
        <h1 className="mb-3">Faire une demande sur mes données</h1>
        <p>Vous pouvez demander à voir, corriger ou effacer vos données. Vous pouvez aussi poser une question.</p>
        <p>Nous vous répondons dans un délai d&apos;un mois au plus.</p>
      </div>
      <EspaceDemandeForm options={options} />
      <p className="text-sm text-ink-2">
        Pour aller plus loin : ce sont vos droits du règlement général sur la protection des données (RGPD), articles 15 à 21.{" "}
        <TextLink href="/notice">Ce que fait la mission locale avec vos données</TextLink>.
      </p>
    </div>
  );
}
