import type { SessionUser } from "@/lib/auth/session-user";
import { listOwnStructures } from "@/lib/comptes/access-queries";
import { StructureSwitchForm } from "./structure-switch-form";

/** For an account that works for several missions locales: which one this session works in, and the switch. */
export async function StructureSwitch({ user }: { user: SessionUser }) {
  if (!user.structureId) return null;
  const structures = await listOwnStructures(user);
  if (structures.length < 2) return null;
  // Keyed by the working structure: after a switch the form starts afresh.
  return <StructureSwitchForm key={user.structureId} current={user.structureId} structures={structures} />;
}
