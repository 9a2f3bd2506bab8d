import type { Metadata } from "next";
import { EspaceIcon } from "@/components/espace/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { requireRole } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { buildMyInformation, finalitiesOf, isMinor, type MyFinality } from "@/lib/espace/informations";
import { getMyInformationSources } from "@/lib/espace/parcours-queries";
import type { BadgeTone } from "@/lib/ui/tones";

export const metadata: Metadata = { title: "Mes informations, expliquées" };

const ANSWER_TONES: Record<MyFinality["rights"][number]["availability"], BadgeTone> = {
  oui: "success",
  sous_conditions: "info",
  non: "neutral",
};

function Finality({ f }: { f: MyFinality }) {
  return (
    <section aria-labelledby={`titre-${f.id}`} className="flex flex-col gap-4 rounded-lg border border-border p-4">
      <h2 id={`titre-${f.id}`} className="text-xl">
        {f.title}
      </h2>
      <div>
        <h3 className="mb-1 text-lg">Ce que fait la mission locale</h3>
        {f.why.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <div>
        <h3 className="mb-1 text-lg">Pourquoi elle a le droit</h3>
        <p>{f.basis}</p>
      </div>
      <div>
        <h3 className="mb-1 text-lg">Les informations utilisées</h3>
        <ul className="flex list-disc flex-col gap-1 pl-5">
          {f.data.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {f.dataKept.length > 0 ? (
          <>
            <p className="mt-2">Ces informations restent à la mission locale. Elles ne sont jamais envoyées ailleurs :</p>
            <ul className="flex list-disc flex-col gap-1 pl-5">
              {f.dataKept.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <div>
        <h3 className="mb-1 text-lg">Qui les reçoit</h3>
        {f.recipients.length === 0 ? (
          <p>Personne en dehors de la mission locale.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {f.recipients.map((r) => (
              <li key={r.who} className="rounded-sm bg-alt p-3">
                <p className="font-bold">{r.who}</p>
                <p>Ce qui est envoyé : {r.what}</p>
                <p>Quand : {r.when}</p>
                <p>Combien de temps : {r.keep}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="mb-1 text-lg">Combien de temps elles sont gardées</h3>
        {f.retention.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <div>
        <h3 className="mb-2 text-lg">Vos droits</h3>
        <ul className="flex flex-col gap-3">
          {f.rights.map((r) => (
            <li key={r.right}>
              <p className="flex flex-wrap items-center gap-2 font-bold">
                {r.label} <Badge tone={ANSWER_TONES[r.availability]}>{r.answer}</Badge>
              </p>
              <p>{r.text}</p>
            </li>
          ))}
        </ul>
      </div>
      <p className="text-sm text-ink-2">{f.further}</p>
    </section>
  );
}

export default async function MesInformationsPage() {
  const user = await requireRole("jeune");
  const sources = await getMyInformationSources(user);
  if (!sources) {
    return (
      <>
        <h1 className="mb-4">Mes informations, expliquées</h1>
        <Alert tone="info">Votre compte n&apos;est pas encore relié à un dossier. Parlez-en à votre conseiller.</Alert>
      </>
    );
  }
  const minor = isMinor(sources.dateNaissance, todayInParis(new Date()));
  const info = buildMyInformation({ finalities: finalitiesOf(sources.facts), minor, ctx: sources.ctx });

  return (
    <div className="flex flex-col gap-6">
      <p>
        <TextLink href="/mon-espace">Retour à mon espace</TextLink>
      </p>
      <div className="flex flex-col gap-2">
        <h1>Mes informations, expliquées</h1>
        {info.intro.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <nav aria-labelledby="titre-sommaire" className="rounded-lg bg-alt p-4">
        <h2 id="titre-sommaire" className="mb-2 flex items-center gap-2 text-xl">
          <EspaceIcon name="informations" className="text-primary" />
          Ce qui vous concerne
        </h2>
        <ol className="flex list-decimal flex-col gap-1 pl-6">
          {info.finalities.map((f) => (
            <li key={f.id}>
              <TextLink href={`#titre-${f.id}`} className="inline-block py-1">
                {f.title}
              </TextLink>
            </li>
          ))}
        </ol>
      </nav>
      {info.finalities.map((f) => (
        <Finality key={f.id} f={f} />
      ))}
      <section aria-labelledby="titre-demander" className="flex flex-col gap-2 rounded-lg border-2 border-primary p-4">
        <h2 id="titre-demander" className="text-xl">
          Faire une demande
        </h2>
        {info.ask.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p className="mt-2">
          <ButtonLink variant="primary" href="/mon-espace/demande">
            Faire une demande sur mes données
          </ButtonLink>
        </p>
      </section>
    </div>
  );
}
