"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a run is in progress, re-renders the page (server data) every few seconds; nothing when it is over. */
export function AutoRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
