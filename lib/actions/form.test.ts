import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { IDLE } from "./form-state";
import type { ActionDefinition, ActionResult } from "./run";

const runAction = vi.fn<(...args: unknown[]) => Promise<ActionResult<{ id: string }>>>();
vi.mock("./run", () => ({ runAction: (...args: unknown[]) => runAction(...args) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => ({ id: "u1" }) as SessionUser }));

const { formAction } = await import("./form");

const schema = z.object({ nom: z.string() });
const def: ActionDefinition<typeof schema, { id: string }> = {
  name: "test.form",
  schema,
  capability: "jeunes.write",
  dossier: { none: "a test form" },
  handler: async () => ({ data: { id: "x" }, audit: [] }),
};

function submit(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) formData.set(k, v);
  return formAction(def, { successMessage: "ok" })(IDLE, formData);
}

describe("formAction", () => {
  beforeEach(() => runAction.mockReset());

  it("passes a failure's typed details through to the form, without echoing the NIR", async () => {
    const details = {
      kind: "duplicate",
      scope: "structure",
      by: "identite",
      candidate: { id: "j1", nom: "DUPONT Léa", dateNaissance: "2005-03-14", conseiller: null, archive: false },
      token: "t",
    } as const;
    runAction.mockResolvedValue({ ok: false, code: "duplicate", message: "Doublon.", fieldErrors: {}, details });
    expect(await submit({ nom: "Dupont", nir: "205036912345678" })).toEqual({
      status: "error",
      message: "Doublon.",
      fieldErrors: {},
      details,
      values: { nom: "Dupont" },
    });
  });

  it("adds no details when the failure has none", async () => {
    runAction.mockResolvedValue({ ok: false, code: "invalid_input", message: "Erreurs.", fieldErrors: { nom: ["Requis."] } });
    const state = await submit({ nom: "" });
    expect(state).toMatchObject({ status: "error", fieldErrors: { nom: ["Requis."] } });
    expect(state).not.toHaveProperty("details");
  });
});
