/** The Sillage wordmark: a wake line and the name (no State branding). */
export function Brand({ subtitle }: { subtitle?: string }) {
  return (
    <span className="flex items-center gap-3">
      <svg aria-hidden="true" width="36" height="36" viewBox="0 0 36 36" className="shrink-0">
        <rect width="36" height="36" rx="8" fill="#000091" />
        <path d="M7 23c4-6 8-6 11 0s7 6 11 0" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
        <path d="M7 15c4-5 8-5 11 0s7 5 11 0" stroke="#9A9AFF" strokeWidth="2.5" fill="none" strokeLinecap="round" />
      </svg>
      <span className="flex flex-col leading-tight">
        <span className="text-xl font-bold text-primary">Sillage</span>
        {subtitle ? <span className="text-sm text-ink-2">{subtitle}</span> : null}
      </span>
    </span>
  );
}
