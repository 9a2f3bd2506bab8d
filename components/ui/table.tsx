import { clsx } from "clsx";
import type { ComponentProps } from "react";

export type TableProps = Omit<ComponentProps<"table">, "children"> & {
  /** Always required: it names the table for screen readers and the scrollable region. */
  caption: string;
  /** Keep the caption for assistive technologies only. */
  captionHidden?: boolean;
  children: ComponentProps<"table">["children"];
};

/**
 * A real `<table>` with a `<caption>`, inside a region that can be focused and scrolled with the
 * keyboard when the table is wider than the screen.
 */
export function Table({ caption, captionHidden = false, className, children, ...props }: TableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable).
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className={clsx("w-full border-collapse text-left", className)} {...props}>
        <caption className={captionHidden ? "sr-only" : "mb-3 text-left text-lg font-bold"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={clsx("bg-alt", className)} {...props} />;
}

export function TBody(props: ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={clsx("border-b border-border", className)} {...props} />;
}

/** Header cell; `scope` defaults to "col" — pass scope="row" for the first cell of a body row. */
export function Th({ scope = "col", className, ...props }: ComponentProps<"th">) {
  return <th scope={scope} className={clsx("px-4 py-3 align-top font-bold", className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={clsx("px-4 py-3 align-top", className)} {...props} />;
}
