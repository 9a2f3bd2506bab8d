// A local OpenID Connect provider in the manner of ProConnect, for development and tests only (oidc-provider,
// a dev dependency): authorization code + PKCE, scopes "email given_name usual_name", the identity in the
// UserInfo response, acr/amr in the id token. Its sign-in page asks only for an address: any address is
// "authenticated", with a second factor when the box is ticked. Run alone with `npm run oidc:dev`.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import Provider from "oidc-provider";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A stable, opaque subject for an address (ProConnect's sub is opaque too). */
const subjectOf = (email) => `sub-${createHash("sha256").update(email).digest("hex").slice(0, 24)}`;

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error("body too large"));
    });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}

function loginPage(uid, error) {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fournisseur d'identité de test</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#161616;line-height:1.5}
label{display:block;font-weight:700;margin-top:1rem}input[type=email]{width:100%;padding:.5rem;font-size:1rem;border:1px solid #666}
.check{display:flex;gap:.5rem;align-items:center;margin-top:1rem;font-weight:400}button{margin-top:1.5rem;padding:.5rem 1rem;font-size:1rem;background:#000091;color:#fff;border:0}
.error{color:#ce0500}</style></head>
<body><main><h1>Fournisseur d'identité de test</h1>
<p>Ce service imite ProConnect pour le développement et les tests. Aucun mot de passe n'est demandé.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Adresse e-mail professionnelle</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label class="check"><input type="checkbox" name="mfa" value="1"> Avec un second facteur (code à usage unique)</label>
<button type="submit">Continuer</button>
</form></main></body></html>`;
}

/**
 * Starts the provider on host:port and resolves once it listens. `faults` adds POST /__faults (down=1|0):
 * while down, every other request gets a 503, as a provider out of service would.
 */
export async function startOidcDevProvider({
  port = 0,
  host = "127.0.0.1",
  clientId = "sillage-dev",
  clientSecret = "sillage-dev-secret",
  redirectUris,
  faults = false,
} = {}) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const issuer = `http://${host}:${address.port}`;
  /** Who signed in here, by subject: the provider keeps no other account store. */
  const accounts = new Map();

  const jwk = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...jwk, kid: "dev", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    scopes: ["openid", "email", "given_name", "usual_name"],
    claims: {
      // As ProConnect: acr in every id token, amr only when the claims parameter asks for it.
      acr: null,
      amr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ["sub", "acr"],
      email: ["email", "email_verified"],
      given_name: ["given_name"],
      usual_name: ["usual_name"],
    },
    acrValues: ["eidas1", "eidas2", "eidas3"],
    features: { devInteractions: { enabled: false }, claimsParameter: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
    // No consent screen: what the client asks for is granted, as ProConnect does for a registered client.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!ctx.oidc.session.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  let down = false;

  server.on("request", async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", issuer);
      if (faults && url.pathname === "/__faults" && req.method === "POST") {
        down = (await readBody(req)).get("down") === "1";
        res.writeHead(204).end();
        return;
      }
      if (down) {
        res.writeHead(503, { "content-type": "text/plain" }).end("service unavailable");
        return;
      }
      const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
      if (interaction && req.method === "GET" && !interaction[2]) {
        const details = await provider.interactionDetails(req, res);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(loginPage(details.uid));
        return;
      }
      if (interaction && req.method === "POST" && interaction[2]) {
        const details = await provider.interactionDetails(req, res);
        const form = await readBody(req);
        const email = (form.get("email") ?? "").trim().toLowerCase();
        if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
          res.writeHead(400, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid, "Saisissez une adresse e-mail."));
          return;
        }
        const sub = subjectOf(email);
        const [given, usual] = email.split("@")[0].split(".");
        accounts.set(sub, { email, email_verified: true, given_name: given ?? "", usual_name: usual ?? given ?? "" });
        const mfa = form.get("mfa") === "1";
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: sub, acr: "eidas1", amr: mfa ? ["pwd", "otp", "mfa"] : ["pwd"] } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      callback(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end(`invalid request: ${error instanceof Error ? error.name : "error"}`);
    }
  });

  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.OIDC_DEV_PORT ?? 3331);
  const appUrls = (process.env.OIDC_DEV_APP_URLS ?? "http://localhost:3000,http://127.0.0.1:3000").split(",");
  const { issuer } = await startOidcDevProvider({
    port,
    clientId: process.env.OIDC_CLIENT_ID || "sillage-dev",
    clientSecret: process.env.OIDC_CLIENT_SECRET || "sillage-dev-secret",
    redirectUris: appUrls.map((u) => `${u.trim().replace(/\/$/, "")}/api/auth/callback/oidc`),
    faults: process.env.OIDC_DEV_FAULTS === "1",
  });
  console.log(`Local OpenID Connect provider on ${issuer} (OIDC_ISSUER=${issuer})`);
}
