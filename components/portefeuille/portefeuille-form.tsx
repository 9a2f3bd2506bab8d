"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ChangeEvent, type FormEvent, type ReactNode } from "react";
import { TextInput } from "@/components/ui/field";

/** The URL the form stands for: its non-empty fields, in order (the same as a GET submit, minus the empty ones). */
function hrefFromForm(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
  }
  const action = form.getAttribute("action") ?? "";
  const qs = params.toString();
  return qs ? `${action}?${qs}` : action;
}

export type PortefeuilleFormProps = {
  /** Where the form leads; the page reads every filter from the URL. */
  action: string;
  label: string;
  children: ReactNode;
  className?: string;
};

/**
 * A GET form: without JavaScript the browser submits it; with it, the URL changes in place (no reload,
 * no scroll jump) and the server re-renders the list. Empty fields are left out of the link.
 */
export function PortefeuilleForm({ action, label, children, className }: PortefeuilleFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const href = hrefFromForm(event.currentTarget);
    startTransition(() => router.push(href, { scroll: false }));
  }
  return (
    <form role="search" aria-label={label} method="get" action={action} onSubmit={onSubmit} aria-busy={pending} className={className}>
      {children}
    </form>
  );
}

const DEBOUNCE_MS = 250;

export type SearchBoxProps = {
  /** The search of the URL being shown. */
  value: string;
  label: string;
  hint: string;
};

/**
 * Search as you type: 250 ms after the last key, the URL is replaced with the whole form's values (so
 * the filters chosen stay applied) and the list updates without a reload. Enter submits at once.
 */
export function SearchBox({ value, label, hint }: SearchBoxProps) {
  const router = useRouter();
  const [text, setText] = useState(value);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The search changed elsewhere (reset link, back button): show it, unless the person is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(value);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setText(event.target.value);
    const form = event.target.form;
    clearTimeout(timer.current);
    if (!form) return;
    timer.current = setTimeout(() => {
      const href = hrefFromForm(form);
      startTransition(() => router.replace(href, { scroll: false }));
    }, DEBOUNCE_MS);
  }

  return (
    <div className="flex flex-col gap-1">
      <TextInput
        ref={input}
        name="q"
        type="search"
        label={label}
        hint={hint}
        value={text}
        onChange={onChange}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={100}
      />
      {/* Visual cue only: the result count below is the live region that announces the outcome. */}
      <p aria-hidden="true" className="-mb-2 min-h-5 text-sm text-ink-2">
        {pending ? "Recherche en cours…" : ""}
      </p>
    </div>
  );
}
