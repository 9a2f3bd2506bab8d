import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { TitleKeeper } from "@/components/layout/title-keeper";
import { StatusIconSprite } from "@/components/ui/icons";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sillage", template: "%s · Sillage" },
  description: "Sillage, le portail des missions locales : accompagnement des jeunes et données partagées en toute transparence.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#000091" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce set by proxy.ts must reach Next's scripts.
  await connection();
  return (
    <html lang="fr">
      <body className="min-h-screen bg-white text-ink antialiased">
        <a href="#contenu" className="skip-link">
          Aller au contenu
        </a>
        <StatusIconSprite />
        {children}
        <TitleKeeper />
      </body>
    </html>
  );
}
