"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While the pack is prepared, the page asks the server for its new state every few seconds (no inline script: CSP). */
export function PackRefresh({ everyMs = 2000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
