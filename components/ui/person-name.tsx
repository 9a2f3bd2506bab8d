import type { ReactNode } from "react";

/**
 * A person's name, isolated from the sentence around it (`<bdi>`, Unicode TR #9): a name written right
 * to left (Arabic, Hebrew) never reorders the words or punctuation that follow it.
 */
export function PersonName({ children, className }: { children: ReactNode; className?: string }) {
  return <bdi className={className}>{children}</bdi>;
}
