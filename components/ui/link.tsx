import { clsx } from "clsx";
import NextLink from "next/link";
import type { ComponentProps } from "react";
import { buttonClasses, type ButtonSize } from "./button";
import { linkTone, type ButtonVariant } from "./tones";

type NextLinkProps = ComponentProps<typeof NextLink>;

/** An underlined in-app link (next/link). */
export function TextLink({ className, ...props }: NextLinkProps) {
  return <NextLink className={clsx(linkTone, "underline underline-offset-4 hover:decoration-2", className)} {...props} />;
}

/** A link that looks like a button: it navigates, so it stays an `<a>`. */
export function ButtonLink({ variant, size = "md", className, ...props }: NextLinkProps & { variant: ButtonVariant; size?: ButtonSize }) {
  return <NextLink className={clsx(buttonClasses(variant, size), className)} {...props} />;
}
