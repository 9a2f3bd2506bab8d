import { describe, expect, it } from "vitest";
import { detach, detachedSettled } from "./detached";

describe("detached work", () => {
  it("is awaited by detachedSettled, including the work it starts in turn", async () => {
    const done: string[] = [];
    detach(
      async () => {
        await new Promise((r) => setTimeout(r, 20));
        done.push("first");
        detach(
          async () => {
            await new Promise((r) => setTimeout(r, 20));
            done.push("second");
          },
          () => {},
        );
      },
      () => {},
    );
    await detachedSettled();
    expect(done).toEqual(["first", "second"]);
  });

  it("reports a failure to its handler and never rejects detachedSettled", async () => {
    const errors: unknown[] = [];
    detach(
      async () => {
        throw new Error("boom");
      },
      (error) => {
        errors.push(error);
        throw new Error("the report fails too");
      },
    );
    await expect(detachedSettled()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
