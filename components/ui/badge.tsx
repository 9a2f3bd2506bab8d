import { clsx } from "clsx";
import type { ReactNode } from "react";
import { StatusIcon } from "./icons";
import { badgeTones } from "./tones";
import type { BadgeTone } from "@/lib/ui/tones";

export type BadgeProps = {
  tone: BadgeTone;
  /** The word that carries the meaning ("Refusé", "En retard de 2 jours"): colour and icon only repeat it. */
  children: ReactNode;
  className?: string;
};

export function Badge({ tone, children, className }: BadgeProps) {
  return (
    <span className={clsx("inline-flex items-center gap-1 rounded-sm px-2 py-0.5 text-sm font-bold", badgeTones[tone], className)}>
      <StatusIcon tone={tone} />
      <span>{children}</span>
    </span>
  );
}
