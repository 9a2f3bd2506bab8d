import { AddMembershipForm, RemoveMembershipForm } from "@/components/comptes/membership-forms";
import { Badge } from "@/components/ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { listCompteMemberships } from "@/lib/comptes/access-queries";
import type { CompteDetail } from "@/lib/comptes/queries";
import { mayHaveSeveralStructures, needsStructure } from "@/lib/comptes/rules";

/** "Missions locales": the structures an account works for; the admin grants and removes the extra ones. */
export async function CompteMissionsLocales({ user, compte }: { user: SessionUser; compte: CompteDetail }) {
  if (!needsStructure(compte.role)) return null;
  const view = await listCompteMemberships(user, compte.id);
  if (!view) return null;
  const grants = can(user.role, "comptes.role") && compte.id !== user.id;
  const ref = { id: compte.id, version: compte.version };
  const removable = view.memberships.filter((m) => !m.home).map((m) => ({ value: m.structureId, label: m.name }));
  const offered = view.options.map((s) => ({ value: s.id, label: s.name }));
  return (
    <section aria-labelledby="missions-locales-titre" className="mb-8 max-w-3xl">
      <h2 id="missions-locales-titre" className="mb-3 text-lg">
        Missions locales
      </h2>
      {view.memberships.length === 0 ? (
        <p>Ce compte n'est membre d'aucune mission locale.</p>
      ) : (
        <Table caption="Missions locales pour lesquelles ce compte travaille" captionHidden>
          <THead>
            <Tr>
              <Th>Mission locale</Th>
              <Th>Rôle</Th>
              <Th>Rattachement</Th>
            </Tr>
          </THead>
          <TBody>
            {view.memberships.map((m) => (
              <Tr key={m.structureId}>
                <Th scope="row" className="font-normal">
                  {m.name}
                  {m.active ? null : <span className="block text-sm text-ink-2">Mission locale désactivée</span>}
                </Th>
                <Td>{ROLE_LABELS[m.role]}</Td>
                <Td>{m.home ? <Badge tone="info">Mission locale d'origine</Badge> : "Mission locale ajoutée"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {grants && mayHaveSeveralStructures(compte.role) ? (
        <div className="mt-6 flex flex-col gap-6">
          {/* Both stay on the page when their list empties: the message of the act just done must remain. */}
          {compte.active ? <AddMembershipForm compte={ref} structures={offered} /> : null}
          <RemoveMembershipForm compte={ref} structures={removable} />
        </div>
      ) : null}
    </section>
  );
}
