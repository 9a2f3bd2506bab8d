import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { DEFAULT_OIDC_SCOPE, idTokenClaims, oidcProvider, oidcSettings, strongAuthentication } from "./oidc";
import { ssoErrorMessage } from "./sso-messages";

const jwt = (payload: unknown) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.c2ln`;

describe("OpenID Connect settings", () => {
  it("is off unless the issuer, the client id and the secret are all set", () => {
    expect(oidcSettings({})).toBeNull();
    expect(oidcSettings({ OIDC_ISSUER: "https://idp.exemple.fr", OIDC_CLIENT_ID: "id" })).toBeNull();
    expect(oidcSettings({ OIDC_ISSUER: " ", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" })).toBeNull();
    expect(oidcSettings({ OIDC_ISSUER: "https://idp.exemple.fr", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" })).toEqual({
      issuer: "https://idp.exemple.fr",
      clientId: "id",
      clientSecret: "s",
      name: "ProConnect",
      scope: DEFAULT_OIDC_SCOPE,
    });
  });

  it("is checked at start-up: all three or none, an https issuer (http only on loopback), openid in the scope", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.exemple.fr" })).toThrow(/OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET/);
    const complete = { OIDC_ISSUER: "https://idp.exemple.fr/api/v2", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" };
    expect(parseEnv(complete).OIDC_ISSUER).toBe("https://idp.exemple.fr/api/v2");
    expect(() => parseEnv({ ...complete, OIDC_ISSUER: "http://idp.exemple.fr" })).toThrow(/OIDC_ISSUER/);
    expect(parseEnv({ ...complete, OIDC_ISSUER: "http://127.0.0.1:3331" }).OIDC_ISSUER).toBe("http://127.0.0.1:3331");
    expect(() => parseEnv({ ...complete, OIDC_SCOPE: "email" })).toThrow(/OIDC_SCOPE/);
  });

  it("declares authorization code + PKCE with state and nonce, and asks for amr", () => {
    const provider = oidcProvider({
      issuer: "https://idp.exemple.fr",
      clientId: "id",
      clientSecret: "s",
      name: "ProConnect",
      scope: "openid email",
    });
    expect(provider).toMatchObject({ id: "oidc", type: "oidc", checks: ["pkce", "state", "nonce"], idToken: false });
    expect(provider.authorization).toEqual({ params: { scope: "openid email", claims: { id_token: { amr: { essential: true } } } } });
  });
});

describe("id token claims", () => {
  it("reads iss, acr and amr, and nothing malformed", () => {
    expect(idTokenClaims(jwt({ iss: "https://idp", acr: "eidas1", amr: ["pwd", "mfa"] }))).toEqual({
      iss: "https://idp",
      acr: "eidas1",
      amr: ["pwd", "mfa"],
    });
    expect(idTokenClaims(jwt({ acr: 3, amr: "mfa" }))).toEqual({ iss: null, acr: null, amr: null });
    expect(idTokenClaims(jwt({ amr: ["pwd", 7, ""] })).amr).toEqual(["pwd"]);
    expect(idTokenClaims("not-a-jwt")).toEqual({ iss: null, acr: null, amr: null });
    expect(idTokenClaims("a.%%%.c")).toEqual({ iss: null, acr: null, amr: null });
    expect(idTokenClaims(undefined)).toEqual({ iss: null, acr: null, amr: null });
  });

  it("counts a second factor from amr (RFC 8176) or ProConnect's eIDAS levels", () => {
    expect(strongAuthentication("eidas1", ["pwd"])).toBe(false);
    expect(strongAuthentication(null, null)).toBe(false);
    for (const amr of ["mfa", "otp", "hwk", "pop"]) expect(strongAuthentication("eidas1", ["pwd", amr])).toBe(true);
    expect(strongAuthentication("eidas2", null)).toBe(true);
    expect(strongAuthentication("eidas3", ["pwd"])).toBe(true);
  });
});

describe("sign-in page messages", () => {
  it("say why single sign-on refused, in French, and nothing for other values", () => {
    expect(ssoErrorMessage({ erreur: "sso_inconnu" }, "ProConnect")?.text).toContain("demandez à votre responsable de vous inviter");
    expect(ssoErrorMessage({ erreur: "sso_desactive" }, "ProConnect")?.title).toBe("Ce compte est désactivé.");
    expect(ssoErrorMessage({ error: "Configuration" }, "ProConnect")?.title).toBe("La connexion avec ProConnect n'a pas abouti.");
    expect(ssoErrorMessage({ erreur: "sso_indisponible" }, "ProConnect")).not.toBeNull();
    expect(ssoErrorMessage({ erreur: "<script>" }, "ProConnect")).toBeNull();
    expect(ssoErrorMessage({ erreur: ["sso_inconnu", "x"] }, "ProConnect")).toBeNull();
    expect(ssoErrorMessage({}, "ProConnect")).toBeNull();
  });
});
