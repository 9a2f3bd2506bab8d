import { clsx } from "clsx";
import type { ReactNode } from "react";

export type PageHeaderProps = {
  /** The page's only `<h1>`. */
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links for the page ("Nouvelle demande", "Exporter le registre"). */
  actions?: ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <header className={clsx("mb-8 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", className)}>
      <div className="flex flex-col gap-2">
        <h1>{title}</h1>
        {description && <div className="text-ink-2">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
    </header>
  );
}
