import { startOidcDevProvider } from "../scripts/oidc-dev-provider.mjs";

export type LocalOidcProvider = Awaited<ReturnType<typeof startOidcDevProvider>>;

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, on a free port, with one confidential client
 * (client_secret_basic, PKCE required). Its sign-in page takes any address (see scripts/oidc-dev-provider.mjs).
 */
export function startLocalOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  faults?: boolean;
}): Promise<LocalOidcProvider> {
  return startOidcDevProvider({ port: 0, ...options });
}
