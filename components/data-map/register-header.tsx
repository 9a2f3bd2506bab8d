import type { RegisterModel } from "@/lib/data-map/register";
import { formatDateTime } from "@/lib/format/fr";

/** Who keeps this register and when it was generated (GDPR art. 30-1-a). */
export function RegisterHeader({ model }: { model: RegisterModel }) {
  return (
    <dl className="grid gap-x-8 gap-y-3 rounded-sm border border-border bg-alt p-4 sm:grid-cols-[max-content_1fr]">
      <dt className="font-bold">Responsables conjoints</dt>
      <dd>
        <ul className="flex flex-col gap-1">
          {model.jointControllers.map((c) => (
            <li key={c.name}>
              <span className="font-bold">{c.name}</span> — {c.role}
            </li>
          ))}
        </ul>
      </dd>
      <dt className="font-bold">Délégué à la protection des données</dt>
      <dd>{model.controller.dpoEmail ?? "Celui de chaque mission locale"}</dd>
      <dt className="font-bold">Transferts hors de l&apos;Union européenne</dt>
      <dd>Aucun</dd>
      <dt className="font-bold">Généré le</dt>
      <dd>{formatDateTime(model.generatedAt)}</dd>
    </dl>
  );
}
