import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SiteFooter } from "@/components/layout/site-footer";
import { requireRole } from "@/lib/auth/session";

export default async function JeuneLayout({ children }: { children: React.ReactNode }) {
  await requireRole("jeune");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-border bg-white">
        <div className="mx-auto flex max-w-[640px] items-center justify-between gap-4 px-4 py-3">
          <Link href="/mon-espace" className="rounded-sm">
            <Brand subtitle="Mon espace" />
          </Link>
          <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-1">
            <Link
              href="/mon-espace/connexions"
              className="inline-flex min-h-11 items-center rounded-sm text-sm font-medium text-primary underline underline-offset-4"
            >
              Mes connexions
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[640px] flex-1 px-4 py-8 outline-none">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
