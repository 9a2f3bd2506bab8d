import { clsx } from "clsx";
import type { ComponentProps } from "react";
import { buttonTones, type ButtonVariant } from "./tones";

export type ButtonSize = "sm" | "md";

const sizes: Record<ButtonSize, string> = {
  // 44 px touch target on phones; the small size may shrink to 36 px from the sm breakpoint up.
  sm: "min-h-11 px-3 py-1 text-sm sm:min-h-9",
  md: "min-h-11 px-6 py-2 text-base",
};

/** Classes of a button, also used to make a link look like one (see ButtonLink). */
export function buttonClasses(variant: ButtonVariant, size: ButtonSize = "md"): string {
  return clsx(
    "inline-flex cursor-pointer items-center justify-center gap-2 rounded-sm border text-center font-medium no-underline",
    "disabled:cursor-not-allowed disabled:border-border disabled:bg-alt disabled:text-muted",
    "aria-disabled:cursor-not-allowed aria-disabled:border-border aria-disabled:bg-alt aria-disabled:text-muted",
    buttonTones[variant],
    sizes[size],
  );
}

export type ButtonProps = ComponentProps<"button"> & {
  variant: ButtonVariant;
  size?: ButtonSize;
};

/** A real `<button>`, type="button" unless told otherwise so it never submits a form by accident. */
export function Button({ variant, size = "md", type = "button", className, ...props }: ButtonProps) {
  return <button type={type} className={clsx(buttonClasses(variant, size), className)} {...props} />;
}
