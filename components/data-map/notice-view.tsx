import type { NoticeModel } from "@/lib/data-map/notice";
import { linkTone } from "@/components/ui/tones";
import { FurtherLine } from "./further-line";
import { frenchSpacing } from "./french-spacing";
import { NoticeFinalitySection } from "./notice-finality";

const linkClasses = `${linkTone} underline underline-offset-4 hover:decoration-2`;

export interface DpoContact {
  name: string;
  dpoEmail: string;
}

/** The public notice: plain French for young people, phone first, content no wider than 640 px. */
export function NoticeView({ notice, dpoContacts }: { notice: NoticeModel; dpoContacts: DpoContact[] }) {
  const toc = [
    { href: "#responsables", label: notice.controllers.heading },
    ...notice.finalities.map((f) => ({ href: `#${f.id}`, label: f.title })),
    { href: "#exercer-vos-droits", label: notice.rights.heading },
    { href: "#reclamation", label: notice.complaint.heading },
  ];
  return (
    <article className="mx-auto flex w-full max-w-[640px] flex-col gap-10">
      <header className="flex flex-col gap-3">
        <h1 className="text-balance">{notice.title}</h1>
        {notice.intro.map((text) => (
          <p key={text} className="text-lg">
            {frenchSpacing(text)}
          </p>
        ))}
      </header>

      <nav aria-labelledby="sommaire" className="rounded-sm bg-alt p-4">
        <h2 id="sommaire" className="text-lg">
          Sur cette page
        </h2>
        <ol className="mt-2 flex list-decimal flex-col gap-2 pl-8">
          {toc.map((item) => (
            <li key={item.href}>
              <a className={linkClasses} href={item.href}>
                {frenchSpacing(item.label)}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="responsables-titre" id="responsables" className="flex scroll-mt-4 flex-col gap-3">
        <h2 id="responsables-titre" className="text-balance">
          {frenchSpacing(notice.controllers.heading)}
        </h2>
        <p>{frenchSpacing(notice.controllers.intro)}</p>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          {notice.controllers.list.map((text) => (
            <li key={text}>{frenchSpacing(text)}</li>
          ))}
        </ul>
        {notice.controllers.after.map((text) => (
          <p key={text}>{frenchSpacing(text)}</p>
        ))}
        <FurtherLine text={notice.controllers.further} />
      </section>

      <section aria-labelledby="usages-titre" className="flex flex-col gap-4">
        <h2 id="usages-titre">{notice.finalitiesHeading}</h2>
        <p>{frenchSpacing(notice.finalitiesIntro)}</p>
        {notice.finalities.map((finality) => (
          <NoticeFinalitySection key={finality.id} finality={finality} />
        ))}
      </section>

      <section aria-labelledby="droits-titre" id="exercer-vos-droits" className="flex scroll-mt-4 flex-col gap-3">
        <h2 id="droits-titre" className="text-balance">
          {frenchSpacing(notice.rights.heading)}
        </h2>
        {notice.rights.ask.map((text) => (
          <p key={text}>{frenchSpacing(text)}</p>
        ))}
        {dpoContacts.length > 0 ? (
          <>
            <h3 className="mt-2">Écrire au délégué à la protection des données</h3>
            <ul className="flex flex-col gap-2">
              {dpoContacts.map((c) => (
                <li key={c.dpoEmail} className="flex flex-col">
                  <span>{c.name}</span>
                  <a className={`${linkClasses} break-all`} href={`mailto:${c.dpoEmail}`}>
                    {c.dpoEmail}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3 className="mt-2">Ce qui se passe ensuite</h3>
        {[...notice.rights.free, ...notice.rights.delays].map((text) => (
          <p key={text}>{frenchSpacing(text)}</p>
        ))}
        <p>{frenchSpacing(notice.rights.minors)}</p>
        <FurtherLine text={notice.rights.further} />
      </section>

      <section aria-labelledby="reclamation-titre" id="reclamation" className="flex scroll-mt-4 flex-col gap-3">
        <h2 id="reclamation-titre" className="text-balance">
          {frenchSpacing(notice.complaint.heading)}
        </h2>
        <p>{frenchSpacing(notice.complaint.cnil)}</p>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li>
            {frenchSpacing(notice.complaint.online.replace(/cnil\.fr$/, ""))}
            <a className={linkClasses} href="https://www.cnil.fr/fr/plaintes">
              cnil.fr
            </a>
          </li>
          <li>
            <address className="not-italic">{frenchSpacing(notice.complaint.postal)}</address>
          </li>
        </ul>
        <p>{frenchSpacing(notice.complaint.court)}</p>
        <FurtherLine text={notice.complaint.further} />
      </section>

      <section aria-labelledby="cookie-titre" className="flex flex-col gap-3">
        <h2 id="cookie-titre">Le cookie de connexion</h2>
        <p>
          Quand vous vous connectez, Sillage dépose un cookie de session : il sert seulement à vous garder connecté, ne mesure pas votre
          visite et ne vous suit pas ailleurs ; il s&apos;efface quand vous vous déconnectez. Comme les petits cookies techniques qui
          protègent la connexion, il est nécessaire au service : aucun accord ne vous est donc demandé.
        </p>
      </section>
    </article>
  );
}
