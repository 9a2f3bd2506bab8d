import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { SiteFooter } from "@/components/layout/site-footer";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-border bg-white">
        <div className="mx-auto flex max-w-[1200px] items-center px-4 py-4">
          <Link href="/" className="rounded-sm">
            <Brand subtitle="Portail des missions locales" />
          </Link>
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[1200px] flex-1 px-4 py-10 outline-none">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
