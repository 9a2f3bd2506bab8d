import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { getPendingSession } from "@/lib/auth/session";

/**
 * A cookie whose account was deactivated or changed: clear it, then back to sign-in. A GET anyone can make
 * a browser send (a link, an image): a session still in use is never ended here, only sent home.
 */
export async function GET() {
  if (await getPendingSession()) redirect("/");
  await signOut({ redirectTo: "/connexion?session=expiree" });
}
