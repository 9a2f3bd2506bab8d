import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/auth/roles";

/** "/" sends each role to its home. */
export default async function Home() {
  const user = await requireUser();
  redirect(ROLE_HOME[user.role]);
}
