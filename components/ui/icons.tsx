import { clsx } from "clsx";
import type { ReactNode } from "react";
import type { BadgeTone } from "@/lib/ui/tones";

// Decorative icons only: every icon sits next to a word that carries the meaning (aria-hidden).

type IconProps = { className?: string; size?: "sm" | "md" | "lg" };

const sizes = { sm: "size-4", md: "size-5", lg: "size-6" } as const;

/** The frame every icon shares (24-unit grid, stroked, hidden from assistive technologies). */
export function IconSvg({ className, size = "sm", children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={clsx("shrink-0", sizes[size], className)}
    >
      {children}
    </svg>
  );
}

const statusShapes: Record<BadgeTone, ReactNode> = {
  info: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M12 11v6M12 7.5v.01" />
    </>
  ),
  success: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="m8 12.5 3 3 5.5-6" />
    </>
  ),
  warning: (
    <>
      <path d="M12 3 22 20H2Z" />
      <path d="M12 10v4M12 17v.01" />
    </>
  ),
  error: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="m9 9 6 6M15 9l-6 6" />
    </>
  ),
  neutral: (
    <>
      <circle cx="12" cy="12" r="10" />
      <circle cx="12" cy="12" r="3" fill="currentColor" />
    </>
  ),
  new: <path d="m12 3 2.6 6 6.4.3-5 4.1 1.7 6.6-5.7-3.6-5.7 3.6 1.7-6.6-5-4.1 6.4-.3Z" />,
};

const statusSymbolId = (tone: BadgeTone) => `icone-statut-${tone}`;

/**
 * The status icons' shapes, once per document (the root layout renders it): every status icon is a
 * `<use>` of one of them. A list of badges then carries two elements per icon instead of the shapes
 * again, in the HTML and in the page's payload. The stroke comes from the icon's own `<svg>`
 * (`currentColor`: the colour of the badge's words, forced colours included).
 */
export function StatusIconSprite() {
  return (
    <svg aria-hidden="true" focusable="false" className="absolute size-0 overflow-hidden">
      <defs>
        {(Object.keys(statusShapes) as BadgeTone[]).map((tone) => (
          <symbol key={tone} id={statusSymbolId(tone)} viewBox="0 0 24 24">
            {statusShapes[tone]}
          </symbol>
        ))}
      </defs>
    </svg>
  );
}

export function StatusIcon({ tone, ...props }: IconProps & { tone: BadgeTone }) {
  return (
    <IconSvg {...props}>
      <use href={`#${statusSymbolId(tone)}`} />
    </IconSvg>
  );
}

export function CloseIcon(props: IconProps) {
  return (
    <IconSvg {...props}>
      <path d="m6 6 12 12M18 6 6 18" />
    </IconSvg>
  );
}

export function ChevronLeftIcon(props: IconProps) {
  return (
    <IconSvg {...props}>
      <path d="m15 6-6 6 6 6" />
    </IconSvg>
  );
}

export function ChevronRightIcon(props: IconProps) {
  return (
    <IconSvg {...props}>
      <path d="m9 6 6 6-6 6" />
    </IconSvg>
  );
}
