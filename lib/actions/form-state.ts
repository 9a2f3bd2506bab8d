import type { ErrorDetails } from "@/lib/errors/details";
import type { FieldErrors } from "./run";

/** What a form's server action returns to `useActionState`. */
export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "success"; message: string; data: T }
  | { status: "error"; message: string; fieldErrors: FieldErrors; details?: ErrorDetails; values: Record<string, string> };

export const IDLE: FormState<never> = { status: "idle" };

/** What the user typed, to put back in the form after an error (React resets uncontrolled forms). */
export function typedValue(state: FormState<unknown>, name: string, fallback = ""): string {
  return state.status === "error" ? (state.values[name] ?? fallback) : fallback;
}

export function errorOf(state: FormState<unknown>, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors[name]?.[0] : undefined;
}
