import { clsx } from "clsx";
import type { ReactNode } from "react";
import { StatusIcon } from "./icons";
import { alertTones } from "./tones";
import type { StatusTone } from "@/lib/ui/tones";

// Read before the message so the tone is never carried by colour and icon alone.
const toneWords: Record<StatusTone, string> = {
  info: "Information : ",
  success: "Succès : ",
  warning: "Attention : ",
  error: "Erreur : ",
};

const liveRoles = { polite: "status", assertive: "alert" } as const;

export type AlertProps = {
  tone: StatusTone;
  title?: ReactNode;
  /** Heading level of the title; a paragraph by default so it never breaks the page outline. */
  titleAs?: "p" | "h2" | "h3";
  /**
   * Announce the alert when it appears or changes: "polite" → role="status", "assertive" → role="alert".
   * Leave unset for alerts that are part of the page from the start.
   */
  live?: "polite" | "assertive";
  children?: ReactNode;
  className?: string;
};

export function Alert({ tone, title, titleAs: Title = "p", live, children, className }: AlertProps) {
  const { box, icon } = alertTones[tone];
  return (
    <div role={live ? liveRoles[live] : undefined} className={clsx("flex gap-3 rounded-sm border-l-4 p-4", box, className)}>
      <StatusIcon tone={tone} size="md" className={clsx("mt-0.5", icon)} />
      <div className="flex min-w-0 flex-col gap-1">
        {title ? (
          <Title className="text-base font-bold">
            <span className="sr-only">{toneWords[tone]}</span>
            {title}
          </Title>
        ) : (
          <span className="sr-only">{toneWords[tone]}</span>
        )}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
