import type { ReactNode } from "react";
import { IconSvg } from "@/components/ui/icons";

// Decorative icons of Mon espace: each sits next to a word that carries the meaning (aria-hidden).

export type EspaceIconName =
  | "envoi"
  | "a_venir"
  | "consultation"
  | "modification"
  | "donnees"
  | "informations"
  | "parcours"
  | "demande"
  | "horloge"
  | "argent"
  | "attention"
  | "telecharger";

const shapes: Record<EspaceIconName, ReactNode> = {
  // A paper plane: something leaves.
  envoi: <path d="M22 2 11 13M22 2l-7 20-4-9-9-4Z" />,
  a_venir: (
    <>
      <rect x="3" y="4" width="18" height="18" rx="2" />
      <path d="M16 2v4M8 2v4M3 10h18M12 14v4M10 16h4" />
    </>
  ),
  // An eye: someone looked.
  consultation: (
    <>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  // A pencil: something was changed.
  modification: <path d="M17 3a2.8 2.8 0 0 1 4 4L7.5 20.5 2 22l1.5-5.5Z" />,
  donnees: (
    <>
      <path d="M12 2 3 7l9 5 9-5-9-5Z" />
      <path d="m3 12 9 5 9-5M3 17l9 5 9-5" />
    </>
  ),
  informations: (
    <>
      <path d="M4 4h11l5 5v11H4Z" />
      <path d="M15 4v5h5M8 13h8M8 17h5" />
    </>
  ),
  parcours: (
    <>
      <circle cx="6" cy="19" r="3" />
      <circle cx="18" cy="5" r="3" />
      <path d="M9 19h6.5a3.5 3.5 0 0 0 0-7h-7a3.5 3.5 0 0 1 0-7H15" />
    </>
  ),
  demande: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01" />
    </>
  ),
  horloge: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M12 6v6l4 2" />
    </>
  ),
  argent: (
    <>
      <rect x="2" y="6" width="20" height="12" rx="2" />
      <circle cx="12" cy="12" r="2.5" />
      <path d="M6 12h.01M18 12h.01" />
    </>
  ),
  // An arrow into a tray: a copy comes to you.
  telecharger: <path d="M12 3v12M7 10l5 5 5-5M4 17v3h16v-3" />,
  attention: (
    <>
      <path d="M12 3 22 20H2Z" />
      <path d="M12 10v4M12 17v.01" />
    </>
  ),
};

export function EspaceIcon({ name, className }: { name: EspaceIconName; className?: string }) {
  return (
    <IconSvg size="lg" className={className}>
      {shapes[name]}
    </IconSvg>
  );
}
