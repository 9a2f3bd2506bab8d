import { StaffHeader } from "@/components/layout/staff-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { requireRole } from "@/lib/auth/session";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole("admin", "directeur", "conseiller", "dpo");
  return (
    <div className="flex min-h-screen flex-col">
      <StaffHeader user={user} />
      <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-[1200px] flex-1 px-4 py-8 outline-none">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
