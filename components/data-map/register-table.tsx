import { clsx } from "clsx";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { REGISTER_COLUMNS, type RegisterColumnKey, type RegisterRow } from "@/lib/data-map/register";
import { CellLines } from "./cell-lines";

const [firstColumn, ...otherColumns] = REGISTER_COLUMNS;

// Fixed widths so that no cell grows far taller than its neighbours (the long lists get the room).
const WIDTHS: Record<RegisterColumnKey, string> = {
  finalite: "w-[200px]",
  baseLegale: "w-[130px]",
  references: "w-[250px]",
  donnees: "w-[190px]",
  personnes: "w-[190px]",
  destinataires: "w-[260px]",
  transferts: "w-[110px]",
  conservation: "w-[270px]",
  securite: "w-[220px]",
};

// The finality stays in view while the table scrolls sideways.
const STICKY = "sticky left-0 z-10 shadow-[inset_-1px_0_0_#dddddd]";

/** The register of processing activities (GDPR art. 30-1): one row per finality. */
export function RegisterTable({ rows }: { rows: RegisterRow[] }) {
  return (
    <Table caption="Activités de traitement, une ligne par finalité" className="min-w-[1820px] table-fixed text-sm break-words">
      <THead>
        <Tr>
          {REGISTER_COLUMNS.map((c) => (
            <Th key={c.key} className={clsx(WIDTHS[c.key], c.key === firstColumn.key && clsx(STICKY, "bg-alt"))}>
              {c.label}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.finalityId}>
            <Th scope="row" className={clsx(STICKY, "bg-white")}>
              <CellLines lines={row[firstColumn.key]} />
            </Th>
            {otherColumns.map((c) => (
              <Td key={c.key}>
                <CellLines lines={row[c.key]} />
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
