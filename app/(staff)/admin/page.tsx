import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { adminOverview } from "@/lib/admin/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  await requireCapability("structures.read");
  const { structures, staff } = await adminOverview();
  return (
    <>
      <PageHeader
        title="Administration"
        description="Missions locales, comptes des équipes et paramètres réglementaires."
        actions={
          <>
            <ButtonLink href="/admin/structures/nouvelle" variant="primary">
              Nouvelle mission locale
            </ButtonLink>
            <ButtonLink href="/admin/comptes" variant="secondary">
              Gérer les comptes
            </ButtonLink>
            <ButtonLink href="/admin/parametres" variant="secondary">
              Paramètres datés
            </ButtonLink>
          </>
        }
      />
      <div className="flex flex-col gap-10">
        <Table caption="Missions locales">
          <THead>
            <Tr>
              <Th>Nom</Th>
              <Th>SIRET</Th>
              <Th>Département</Th>
              <Th>Antennes</Th>
              <Th>Jeunes</Th>
              <Th>État</Th>
            </Tr>
          </THead>
          <TBody>
            {structures.map((s) => (
              <Tr key={s.id}>
                <Th scope="row">
                  <TextLink href={`/admin/structures/${s.id}`}>{s.name}</TextLink>
                </Th>
                <Td className="tabular-nums">{s.siret}</Td>
                <Td>{s.departement}</Td>
                <Td>{formatNumber(s.antennes)}</Td>
                <Td>{formatNumber(s.jeunes)}</Td>
                <Td>{s.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Désactivée</Badge>}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <Table caption="Comptes actifs des équipes">
          <THead>
            <Tr>
              <Th>Nom</Th>
              <Th>Rôle</Th>
              <Th>Mission locale</Th>
              <Th>Dernière connexion</Th>
            </Tr>
          </THead>
          <TBody>
            {staff.map((u) => (
              <Tr key={u.id}>
                <Th scope="row">
                  <PersonName>{u.name}</PersonName>
                  <span className="block text-sm font-normal text-ink-2">{u.email}</span>
                </Th>
                <Td>
                  <Badge tone="neutral">{ROLE_LABELS[u.role]}</Badge>
                </Td>
                <Td>{u.structure ?? "Toutes"}</Td>
                <Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Jamais"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
