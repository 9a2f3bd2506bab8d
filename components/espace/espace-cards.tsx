import NextLink from "next/link";
import { EspaceIcon, type EspaceIconName } from "./icons";

const CARDS: { href: string; icon: EspaceIconName; title: string; text: string }[] = [
  {
    href: "/mon-espace/parcours-des-donnees",
    icon: "donnees",
    title: "Le parcours de mes données",
    text: "Qui a reçu mes données, qui a ouvert mon dossier, ce qui a changé.",
  },
  {
    href: "/mon-espace/mes-informations",
    icon: "informations",
    title: "Mes informations, expliquées",
    text: "Ce que la mission locale fait de mes données, pourquoi, et mes droits.",
  },
  {
    href: "/mon-espace/mon-parcours",
    icon: "parcours",
    title: "Mon parcours",
    text: "Mon contrat, mon prochain rendez-vous, mes heures, mon allocation.",
  },
  {
    href: "/mon-espace/mes-donnees",
    icon: "telecharger",
    title: "Télécharger mes données",
    text: "Recevoir une copie de tout ce que la mission locale sait sur moi.",
  },
];

/** The doors of Mon espace, one card a page: the whole card is the link (phone first). */
export function EspaceCards() {
  return (
    <nav aria-label="Les pages de mon espace">
      <ul className="grid gap-3 sm:grid-cols-2">
        {CARDS.map((c) => (
          <li key={c.href}>
            <NextLink
              href={c.href}
              className="flex h-full items-start gap-3 rounded-lg border-2 border-border bg-white p-4 hover:border-primary hover:bg-alt sm:flex-col"
            >
              <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-info-light text-primary">
                <EspaceIcon name={c.icon} />
              </span>
              <span className="flex flex-col gap-1">
                <span className="font-bold text-primary underline underline-offset-4">{c.title}</span>
                <span className="text-ink-2">{c.text}</span>
              </span>
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
