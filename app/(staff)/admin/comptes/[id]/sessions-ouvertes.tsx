import { AccountSessionsForm } from "@/components/sessions/account-sessions-form";
import type { SessionUser } from "@/lib/auth/session-user";
import { accountSessionsView } from "@/lib/sessions/queries";

/** The account's open sessions, for whoever manages it (lib/comptes/rules.ts); nothing for anyone else. */
export async function SessionsOuvertes({ user, compteId }: { user: SessionUser; compteId: string }) {
  const sessions = await accountSessionsView(user, compteId);
  if (!sessions) return null;
  return <AccountSessionsForm compteId={compteId} sessions={sessions} />;
}
