import "server-only";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import type { FormState } from "./form-state";
import { runAction, type ActionDefinition } from "./run";

/** Never echoed back to the browser, even to the person who typed them. */
const SECRET_FIELDS = new Set(["password", "motDePasse", "nir"]);

/** FormData → plain object; repeated names become arrays; Next's internal fields are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function echo(raw: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => !SECRET_FIELDS.has(k))
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]),
  );
}

/**
 * Turns an action definition into a server action for `useActionState`: session from the cookie
 * (never from hidden fields), the shared run path, revalidation, and the typed values and details on error.
 */
export function formAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  options: { successMessage: string | ((data: T) => string); redirectTo?: (data: T) => string },
) {
  return async (_prev: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    const raw = formDataToObject(formData);
    const user = await getSessionUser();
    const requestId = (await headers()).get("x-request-id") ?? undefined;
    const result = await runAction(def, raw, user, { requestId });
    if (!result.ok) {
      const { message, fieldErrors, details } = result;
      return { status: "error", message, fieldErrors, ...(details && { details }), values: echo(raw) };
    }
    for (const path of def.revalidate?.(def.schema.parse(raw), result.data) ?? []) revalidatePath(path);
    if (options.redirectTo) redirect(options.redirectTo(result.data));
    const message = typeof options.successMessage === "function" ? options.successMessage(result.data) : options.successMessage;
    return { status: "success", message, data: result.data };
  };
}
