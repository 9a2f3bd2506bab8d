import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jeunes, structures } from "@/db/schema";
import type { AdapterFor } from "@/lib/transmissions/adapters";
import { enqueueTransmission } from "@/lib/transmissions/enqueue";
import { deliverDue } from "@/lib/transmissions/worker";

/**
 * A few transfers through the real outbox, ledger and worker, with a scripted delivery so the demo
 * shows every outcome: acknowledged (France Travail), retry pending (CPAM), refused (ASP), held by a
 * limitation. Runs after the main seed transaction.
 */
export async function seedTransmissions(db: Db, options: { now: Date }): Promise<void> {
  const [lyon] = await db.select().from(structures).where(eq(structures.siret, "77950697800013"));
  if (!lyon) return;
  const [lea] = await db
    .select()
    .from(jeunes)
    .where(and(eq(jeunes.structureId, lyon.id), eq(jeunes.email, "lea.dupont@exemple.fr")));
  const [limited] = await db
    .select()
    .from(jeunes)
    .where(and(eq(jeunes.structureId, lyon.id), isNotNull(jeunes.limitationDepuis)));
  if (!lea) return;
  const data = (j: typeof lea) => ({
    ...j,
    allocationPeriode: "2026-11",
    allocationMontant: 56617,
    foyerImposable: false,
    contratType: "CEJ",
  });

  await db.transaction(async (tx) => {
    await enqueueTransmission(tx, {
      jeuneId: lea.id,
      recipient: "franceTravail",
      finality: "cej",
      kind: "inscription",
      data: data(lea),
      idempotencyKey: `demo-cej-signature:${lea.id}`,
    });
    await enqueueTransmission(tx, {
      jeuneId: lea.id,
      recipient: "cnamCpam",
      finality: "c2s",
      kind: "c2s",
      data: data(lea),
      idempotencyKey: `demo-c2s:${lea.id}`,
    });
    await enqueueTransmission(tx, {
      jeuneId: lea.id,
      recipient: "asp",
      finality: "allocation",
      kind: "paiement",
      data: data(lea),
      idempotencyKey: `demo-paiement-2026-11:${lea.id}`,
    });
    if (limited) {
      await enqueueTransmission(tx, {
        jeuneId: limited.id,
        recipient: "franceTravail",
        finality: "cej",
        kind: "mise_a_jour",
        data: data(limited),
        idempotencyKey: `demo-maj:${limited.id}`,
      });
    }
  });

  const scripted: AdapterFor = (recipient) => ({
    send: async () =>
      recipient === "franceTravail"
        ? { ok: true, ack: "FT-88231" }
        : recipient === "cnamCpam"
          ? { ok: false, permanent: false, error: "Service indisponible (HTTP 503)" }
          : { ok: false, permanent: true, error: "Refusé : coordonnées bancaires invalides" },
  });
  await deliverDue(db, scripted, options.now);
}
