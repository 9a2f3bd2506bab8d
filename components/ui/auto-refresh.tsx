"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While something is being prepared on the server (an access pack, a retention run), re-renders the page from
 * the server every few seconds; rendered only while it is in progress. No inline script: the CSP forbids it.
 */
export function AutoRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
