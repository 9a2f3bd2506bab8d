import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { DemandeDroits } from "@/db/schema";
import type { DownloadDefinition } from "@/lib/actions/download";
import { todayInParis } from "@/lib/calendar/civil-date";
import { ACCESS_PACK_DOCUMENTS, ACCESS_PACK_FIELDS, accessPackJson, buildAccessPack } from "./access-pack";
import { renderAccessPackPdf } from "./access-pack-pdf";
import { computeDeadline } from "./deadline";
import { buildReceipt, buildResponseLetter } from "./letters";
import { renderLetterPdf } from "./pdf";
import { loadDemande, loadLetterContext } from "./store";

const DOCUMENTS = ["accuse-reception.pdf", "reponse.pdf"] as const;
type DocumentName = (typeof DOCUMENTS)[number];

/**
 * The receipt (as issued on the day of recording: first deadline) or the response letter (once
 * answered), rebuilt from the stored request so the copy always matches what was sent.
 */
async function renderDemandeDocument(
  db: DbOrTx,
  demande: DemandeDroits,
  name: DocumentName,
): Promise<{ filename: string; pdf: Uint8Array } | null> {
  const ctx = await loadLetterContext(db, demande);
  if (name === "accuse-reception.pdf") {
    const echeance = computeDeadline({ receivedOn: demande.recueLe }).deadline!;
    const letter = buildReceipt(ctx, { echeance, today: todayInParis(demande.createdAt) });
    return { filename: `${letter.slug}.pdf`, pdf: await renderLetterPdf(letter, { createdAt: demande.createdAt }) };
  }
  if (!demande.issue || !demande.reponseMotif || !demande.reponduLe) return null;
  const letter = buildResponseLetter(ctx, { issue: demande.issue, motif: demande.reponseMotif, reponduLe: demande.reponduLe });
  return { filename: `${letter.slug}.pdf`, pdf: await renderLetterPdf(letter) };
}

/** The letter of a request as a download, audited by request number and document (no field values). */
async function letterFile(tx: DbOrTx, demande: DemandeDroits, document: DocumentName) {
  const rendered = await renderDemandeDocument(tx, demande, document);
  if (!rendered) return null;
  return {
    body: rendered.pdf,
    type: "pdf" as const,
    filename: rendered.filename,
    audit: {
      action: "droits.document",
      targetType: "demande_droits",
      targetId: demande.id,
      jeuneId: demande.jeuneId,
      structureId: demande.structureId,
      meta: { numero: demande.numero, document },
    },
  };
}

const demandeParams = z.object({ id: z.uuid(), document: z.enum(DOCUMENTS) });

/** /droits/[id]/[document]: the receipt or the response letter, for the DPO and the read-only roles of the request's structure. */
export const demandeLetterDownload: DownloadDefinition<typeof demandeParams> = {
  name: "droits.document",
  capability: "droits.read",
  params: demandeParams,
  dossier: {
    none: "The request's own correspondence (addressee and answer, as sent), scoped by the request's structure: no tab of the file is opened.",
  },
  async render({ tx, user, params }) {
    return letterFile(tx, await loadDemande(tx, user, params.id), params.document);
  },
};

const dossierParams = z.object({ id: z.uuid(), demandeId: z.uuid(), document: z.enum(DOCUMENTS) });

/**
 * /jeunes/[id]/droits/[demandeId]/[document]: the same letters from the dossier (counsellors reach
 * requests only through the young people they may open): the gate, a consultation of the Droits tab.
 */
export const dossierLetterDownload: DownloadDefinition<typeof dossierParams> = {
  name: "droits.document.dossier",
  capability: ["jeunes.read", "droits.intake"],
  params: dossierParams,
  dossier: { jeuneId: (p) => p.id, onglet: "droits" },
  async render({ tx, user, params, dossier }) {
    const demande = await loadDemande(tx, user, params.demandeId);
    // A request of another young person does not leak through a file the caller may open.
    if (demande.jeuneId !== dossier!.jeune.id) return null;
    return letterFile(tx, demande, params.document);
  },
};

const accessPackParams = z.object({ id: z.uuid(), document: z.enum(ACCESS_PACK_DOCUMENTS) });

/**
 * /droits/[id]/dossier-acces.(pdf|json): the access pack (GDPR art. 15) of an access request, for the
 * DPO of the request's structure only, since it holds the whole dossier (NIR and sensitive data
 * included). The act is the ground to open the file (the gate's exemption); the consultation "acces"
 * is recorded, which the young person sees. Audited with field names only.
 */
export const accessPackDownload: DownloadDefinition<typeof accessPackParams> = {
  name: "droits.access_pack",
  capability: ["droits.read", "droits.handle"],
  params: accessPackParams,
  dossier: {
    jeuneId: async (p, tx, user) => {
      const demande = await loadDemande(tx, user, p.id);
      return demande.type === "acces" ? demande.jeuneId : null;
    },
    onglet: "acces",
    exempt: { roles: ["dpo"], motif: "demande_de_droits" },
  },
  async render({ tx, user, params }) {
    const demande = await loadDemande(tx, user, params.id);
    const pack = await buildAccessPack(tx, demande);
    const pdf = params.document === "dossier-acces.pdf";
    return {
      body: pdf ? await renderAccessPackPdf(pack) : accessPackJson(pack),
      type: pdf ? "pdf" : "json",
      filename: `dossier-acces-${demande.numero}.${pdf ? "pdf" : "json"}`,
      audit: {
        action: "droits.access_pack",
        targetType: "demande_droits",
        targetId: demande.id,
        jeuneId: demande.jeuneId,
        structureId: demande.structureId,
        fields: [...ACCESS_PACK_FIELDS],
        meta: { numero: demande.numero, document: params.document },
      },
    };
  },
};
