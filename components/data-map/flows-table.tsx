import { Badge } from "@/components/ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import type { RegisterFlowRow } from "@/lib/data-map/register";

/** The outbound flows of the data map: what each recipient may receive, for which finality. */
export function FlowsTable({ flows }: { flows: RegisterFlowRow[] }) {
  return (
    <Table caption="Flux sortants : données transmissibles par destinataire et par finalité" className="min-w-[1100px] text-sm break-words">
      <THead>
        <Tr>
          <Th>Destinataire</Th>
          <Th>Finalité</Th>
          <Th>Base légale</Th>
          <Th className="w-80">Données transmises</Th>
          <Th>Déclencheur</Th>
          <Th>Fréquence</Th>
          <Th>Conservation chez le destinataire</Th>
        </Tr>
      </THead>
      <TBody>
        {flows.map((flow) => (
          <Tr key={flow.id}>
            <Th scope="row">{flow.recipient}</Th>
            <Td>{flow.finality}</Td>
            <Td>{flow.legalBasis}</Td>
            <Td>
              <span className="flex flex-col items-start gap-2">
                {flow.pseudonymised ? <Badge tone="info">Pseudonymisées</Badge> : null}
                <span>{flow.fields.join(", ")}</span>
                {flow.toConfirm ? (
                  <span className="flex flex-col items-start gap-1">
                    <Badge tone="warning">À vérifier</Badge>
                    <span>{flow.toConfirm}</span>
                  </span>
                ) : null}
              </span>
            </Td>
            <Td>{flow.trigger}</Td>
            <Td>{flow.frequency}</Td>
            <Td>{flow.retention}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
