/** Content-Security-Policy for one response, with the request's nonce. */
export function contentSecurityPolicy(nonce: string, isDev: boolean, isLocalhost = false): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React's dev overlay rebuilds server stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${isDev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Not on localhost: a production build tested over plain http must still post its forms.
    ...(isDev || isLocalhost ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/** Headers every response carries (CSP is added per request by proxy.ts because of the nonce). */
export function staticSecurityHeaders(isProduction: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
