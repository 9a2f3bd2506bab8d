import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "@/app/global-error";
import { ErrorMessage, errorReference } from "./error-message";

const serverError = () => Object.assign(new Error("SELECT * FROM jeunes WHERE nom = 'Wiśniewski'"), { digest: "1234567890" });
const retry = () => undefined;

describe("errorReference", () => {
  it("is Next's digest, only when it looks like one", () => {
    expect(errorReference(serverError())).toBe("1234567890");
    expect(errorReference(new Error("in the browser"))).toBeNull();
    expect(errorReference(Object.assign(new Error("x"), { digest: "<img src=x onerror=alert(1)>" }))).toBeNull();
    expect(errorReference("thrown string")).toBeNull();
    expect(errorReference(null)).toBeNull();
  });
});

describe("ErrorMessage", () => {
  it("says what happened in French, with the reference, and never the error's message", () => {
    const html = renderToStaticMarkup(createElement(ErrorMessage, { error: serverError(), retry, audience: "staff" }));
    expect(html).toContain("Une erreur est survenue");
    expect(html).toContain("Afficher une page ne modifie aucune donnée.");
    expect(html).toContain("1234567890");
    expect(html).toContain("Réessayer");
    expect(html).toContain('href="/"');
    expect(html).not.toContain("Wiśniewski");
    expect(html).not.toContain("SELECT");
    expect(html).not.toMatch(/Rien n.a été enregistré/i);
  });

  it("leaves the reference out when there is none", () => {
    const html = renderToStaticMarkup(createElement(ErrorMessage, { error: new Error("x"), retry, audience: "jeune" }));
    expect(html).not.toContain("référence");
  });
});

describe("GlobalError", () => {
  it("brings its own French document", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: serverError(), retry }));
    expect(html).toMatch(/^<html lang="fr">/);
    expect(html).toContain('<main id="contenu"');
    expect(html).toContain("<title>Une erreur est survenue · Sillage</title>");
    expect(html).not.toContain("Wiśniewski");
  });
});
