"use client";

import { ErrorMessage } from "@/components/layout/error-message";

/** A failure inside this area: rendered in the area's layout (header, <main>, footer), whose <main> it must not repeat. */
export default function AreaError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} audience="jeune" />;
}
