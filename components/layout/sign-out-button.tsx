import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-11 rounded-sm border border-primary px-3 py-2 text-sm font-medium text-primary hover:bg-alt">
        Se déconnecter
      </button>
    </form>
  );
}
