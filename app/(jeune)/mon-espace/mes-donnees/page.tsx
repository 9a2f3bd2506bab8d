import type { Metadata } from "next";
import { PackButton } from "@/components/espace/pack-forms";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/link";
import { requireRole } from "@/lib/auth/session";
import { PACK_VALID_DAYS } from "@/lib/droits/pack-rules";
import { getMyLatestPack } from "@/lib/droits/pack-queries";
import { formatDateTime } from "@/lib/format/fr";
import { getOwnDossier } from "@/lib/jeunes/dossier";

export const metadata: Metadata = { title: "Télécharger mes données" };

function Progress({ value }: { value: number }) {
  return (
    <div className="flex flex-col gap-1">
      <progress max={100} value={value} className="h-3 w-full" aria-label="Préparation de votre dossier">
        {value} %
      </progress>
      <span>{value} % prêt.</span>
    </div>
  );
}

export default async function MesDonneesPage() {
  const user = await requireRole("jeune");
  const dossier = await getOwnDossier(user);
  const pack = dossier ? await getMyLatestPack(user) : null;
  const preparing = pack?.status === "en_attente" || pack?.status === "en_preparation";

  return (
    <div className="flex flex-col gap-6">
      <p>
        <TextLink href="/mon-espace">Retour à Mon espace</TextLink>
      </p>
      <div className="flex flex-col gap-2">
        <h1>Télécharger mes données</h1>
        <p>Vous pouvez recevoir une copie de tout ce que la mission locale sait sur vous.</p>
        <p>C&apos;est un dossier en deux fichiers : un PDF à lire, et un fichier de données (JSON) pour un autre organisme.</p>
        <p>Le dossier se prépare en quelques minutes. Il reste disponible {PACK_VALID_DAYS} jours.</p>
      </div>

      {!dossier ? (
        <Alert tone="info">Votre compte n&apos;est pas encore relié à un dossier. Parlez-en à votre conseiller.</Alert>
      ) : (
        <section aria-labelledby="titre-dossier" className="flex flex-col gap-3 rounded-lg border border-border p-4">
          <h2 id="titre-dossier">Votre dossier</h2>
          <div role="status" className="flex flex-col gap-3">
            {!pack ? <p>Vous n&apos;avez pas encore demandé votre dossier.</p> : null}
            {pack?.status === "en_attente" ? (
              <>
                <p>
                  <strong>En attente.</strong> Votre demande est notée. La préparation va commencer.
                </p>
                <Progress value={0} />
              </>
            ) : null}
            {pack?.status === "en_preparation" ? (
              <>
                <p>
                  <strong>En préparation.</strong> Vous pouvez rester sur cette page : elle se met à jour toute seule.
                </p>
                <Progress value={pack.progress} />
              </>
            ) : null}
            {pack?.status === "pret" && pack.expiresAt ? (
              <>
                <p>
                  <strong>Votre dossier est prêt.</strong> Vous pouvez le télécharger jusqu&apos;au {formatDateTime(pack.expiresAt)}.
                </p>
                <ul className="flex flex-col gap-2">
                  <li>
                    <a
                      href={`/mon-espace/mes-donnees/${pack.id}/dossier-acces.pdf`}
                      className="font-medium text-primary underline underline-offset-4 hover:decoration-2"
                      download
                    >
                      Télécharger le PDF
                    </a>{" "}
                    (à lire)
                  </li>
                  <li>
                    <a
                      href={`/mon-espace/mes-donnees/${pack.id}/dossier-acces.json`}
                      className="font-medium text-primary underline underline-offset-4 hover:decoration-2"
                      download
                    >
                      Télécharger le fichier de données
                    </a>{" "}
                    (JSON)
                  </li>
                </ul>
              </>
            ) : null}
            {pack?.status === "echec" ? (
              <p>
                <strong>La préparation n&apos;a pas marché.</strong> Ce n&apos;est pas de votre faute. Vous pouvez réessayer.
              </p>
            ) : null}
            {pack?.status === "expire" ? (
              <p>Votre dernier dossier n&apos;est plus disponible : les {PACK_VALID_DAYS} jours sont passés. Il a été effacé.</p>
            ) : null}
          </div>
          {preparing ? (
            <>
              <AutoRefresh everyMs={2000} />
              <noscript>
                <p>
                  <a href="/mon-espace/mes-donnees" className="font-medium text-primary underline underline-offset-4">
                    Actualiser la page
                  </a>
                </p>
              </noscript>
            </>
          ) : pack?.status === "echec" ? (
            <PackButton retry />
          ) : (
            <PackButton again={pack !== null} />
          )}
          {pack?.numero ? (
            <p className="text-sm text-ink-2">
              C&apos;est votre demande n° {pack.numero}. Vous la suivez aussi dans{" "}
              <TextLink href="/mon-espace#titre-demandes">vos demandes</TextLink>.
            </p>
          ) : null}
        </section>
      )}
      <p className="text-sm text-ink-2">
        Pour aller plus loin : c&apos;est votre droit d&apos;accès (RGPD, article 15). Chaque téléchargement est noté dans votre dossier.
      </p>
    </div>
  );
}
