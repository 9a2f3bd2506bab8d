import { clsx } from "clsx";
import type { ReactNode } from "react";

export type EmptyStateProps = {
  title: ReactNode;
  /** What to do next ("Ajoutez un premier jeune avec le bouton ci-dessous."). */
  children: ReactNode;
  action?: ReactNode;
  /** Heading level of the title, to fit the page outline. */
  titleAs?: "h2" | "h3" | "h4";
  className?: string;
};

export function EmptyState({ title, children, action, titleAs: Title = "h2", className }: EmptyStateProps) {
  return (
    <div className={clsx("flex flex-col items-start gap-3 rounded-sm border border-border bg-alt p-6", className)}>
      <Title className="text-lg font-bold">{title}</Title>
      <div className="text-ink-2">{children}</div>
      {action && <div className="mt-1">{action}</div>}
    </div>
  );
}
