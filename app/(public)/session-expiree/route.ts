import { signOut } from "@/lib/auth/auth";

/** A cookie whose account was deactivated or changed: clear it, then back to sign-in. */
export async function GET() {
  await signOut({ redirectTo: "/connexion?session=expiree" });
}
