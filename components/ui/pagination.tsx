import { clsx } from "clsx";
import NextLink from "next/link";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";
import { currentPageTone, linkTone } from "./tones";

// Server component on purpose: `hrefFor` is a function and cannot cross into a client component.

export type PaginationProps = {
  /** Current page, 1-based. */
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Accessible name of the navigation landmark. */
  label?: string;
};

/** First, last, and the pages around the current one; a single hidden page is shown instead of "…". */
function pageItems(page: number, pageCount: number): (number | "gap")[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  let previous = 0;
  for (const p of shown) {
    if (p - previous === 2) items.push(p - 1);
    else if (p - previous > 2) items.push("gap");
    items.push(p);
    previous = p;
  }
  return items;
}

const itemClasses = "inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-sm px-3";

function StepLink({
  direction,
  target,
  hrefFor,
}: {
  direction: "prev" | "next";
  target: number | null;
  hrefFor: (page: number) => string;
}) {
  const content =
    direction === "prev" ? (
      <>
        <ChevronLeftIcon />
        Page précédente
      </>
    ) : (
      <>
        Page suivante
        <ChevronRightIcon />
      </>
    );
  if (target === null) {
    // Kept in place so the layout does not jump, announced as an unavailable link, not focusable.
    return (
      // biome-ignore lint/a11y/useValidAnchor: an unavailable page link has no href on purpose (aria-disabled, not focusable).
      <a role="link" aria-disabled="true" className={clsx(itemClasses, "text-muted")}>
        {content}
      </a>
    );
  }
  return (
    <NextLink href={hrefFor(target)} rel={direction} className={clsx(itemClasses, linkTone, "underline underline-offset-4 hover:bg-alt")}>
      {content}
    </NextLink>
  );
}

export function Pagination({ page, pageCount, hrefFor, label = "Pagination" }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);

  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          <StepLink direction="prev" target={current > 1 ? current - 1 : null} hrefFor={hrefFor} />
        </li>
        {pageItems(current, pageCount).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} className="inline-flex min-h-11 items-center px-1">
              …
            </li>
          ) : (
            <li key={item}>
              <NextLink
                href={hrefFor(item)}
                aria-current={item === current ? "page" : undefined}
                className={clsx(itemClasses, item === current ? clsx(currentPageTone, "font-bold") : clsx(linkTone, "hover:bg-alt"))}
              >
                <span className="sr-only">Page </span>
                {item}
              </NextLink>
            </li>
          ),
        )}
        <li>
          <StepLink direction="next" target={current < pageCount ? current + 1 : null} hrefFor={hrefFor} />
        </li>
      </ul>
    </nav>
  );
}
