export function startOidcDevProvider(options?: {
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUris: string[];
  faults?: boolean;
}): Promise<{ issuer: string; close(): Promise<void> }>;
