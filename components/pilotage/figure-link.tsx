import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumber } from "@/lib/format/fr";

/** A count that opens the list it counts (or stays plain text when the reader may not open that list). */
export function FigureLink({ value, href, label }: { value: number; href: string | null; label?: string }) {
  const text = formatNumber(value);
  if (!href) return <>{text}</>;
  return (
    <Link
      href={href}
      className="font-bold text-primary underline hover:text-primary-hover"
      aria-label={label ? `${text} ${label}` : undefined}
    >
      {text}
    </Link>
  );
}

/** One key figure: the number, what it counts and, below, a line of context. */
export function KeyFigure({
  title,
  value,
  href,
  children,
}: {
  title: string;
  value: ReactNode;
  href?: string | null;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1 rounded-sm border border-border p-4">
      <dt className="text-ink-2">{title}</dt>
      <dd className="text-2xl font-bold">
        {href ? (
          <Link href={href} className="text-primary underline hover:text-primary-hover">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {children ? <dd className="text-sm text-ink-2">{children}</dd> : null}
    </div>
  );
}
