import type { Tx } from "@/db/client";
import type { ParcoursSeedContext } from "./parcours";

export async function seedContrats(_tx: Tx, _ctx: ParcoursSeedContext): Promise<void> {}
