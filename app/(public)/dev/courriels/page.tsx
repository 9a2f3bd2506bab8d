import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format/fr";
import { devOutboxEnabled, listDevOutbox } from "@/lib/mail/dev-outbox";

export const metadata: Metadata = { title: "Courriels de développement", robots: { index: false, follow: false } };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The message's text with its addresses as links (the text is rendered as text, never as HTML). */
function Linked({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="break-all text-primary underline">
        {part}
      </a>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

export default async function DevOutboxPage() {
  if (!devOutboxEnabled()) notFound();
  const { transport, messages } = await listDevOutbox();
  return (
    <>
      <header className="mb-8 flex flex-col gap-2">
        <h1>Courriels de développement</h1>
        <p className="text-ink-2">
          Les messages que Sillage aurait envoyés, écrits dans le dossier MAIL_OUTBOX_DIR. Page de développement et de test : elle n'existe
          pas en production.
        </p>
      </header>
      {transport !== "outbox" ? (
        <EmptyState title="Les messages partent par SMTP">
          Cette page ne liste que les messages écrits dans le dossier de développement.
        </EmptyState>
      ) : messages.length === 0 ? (
        <EmptyState title="Aucun message pour l'instant">
          Invitez un compte ou enregistrez une demande de droits : le message apparaîtra ici.
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-6">
          {messages.map((m) => (
            <li key={m.file}>
              <article aria-labelledby={`m-${m.file}`} className="rounded-sm border border-border p-4 sm:p-6">
                <h2 id={`m-${m.file}`} className="mb-2 text-lg">
                  {m.subject}
                </h2>
                <dl className="mb-4 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-bold">À</dt>
                  <dd className="break-all">{m.to}</dd>
                  <dt className="font-bold">Écrit le</dt>
                  <dd>{Number.isNaN(Date.parse(m.date)) ? m.date : formatDateTime(new Date(m.date))}</dd>
                </dl>
                <p className="whitespace-pre-wrap break-words">
                  <Linked text={m.text} />
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
