import { StatusIcon } from "./icons";

/** Error lines under a control that is not a Field (radio group, checkbox), each with its icon and a spoken "Erreur". */
export function ErrorLines({ id, messages }: { id: string; messages: readonly string[] }) {
  return (
    <div id={id} className="flex flex-col gap-1 text-sm font-medium text-error">
      {messages.map((m, i) => (
        <p key={i} className="flex items-start gap-2">
          <StatusIcon tone="error" className="mt-0.5" />
          <span>
            <span className="sr-only">Erreur : </span>
            {m}
          </span>
        </p>
      ))}
    </div>
  );
}
