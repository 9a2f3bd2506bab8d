"use client";

import { useState, useTransition, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { searchJeunesAction } from "@/lib/agenda/search-action";

/**
 * Choose a young person of the caller's structure: a list (the caller's own young people first) and a
 * search by name, run as a server action so the name typed never appears in a URL.
 */
export function JeunePicker({
  id,
  name = "jeuneId",
  label,
  initialOptions,
  defaultValue,
  error,
  hint,
}: {
  id: string;
  name?: string;
  label: string;
  initialOptions: SelectOption[];
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  const [options, setOptions] = useState(initialOptions);
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState("");
  const [selected, setSelected] = useState(defaultValue ?? "");
  const [pending, startTransition] = useTransition();

  function search() {
    startTransition(async () => {
      const result = await searchJeunesAction(query);
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      // Keep the current choice in the list so a search never silently changes it.
      const current = options.find((o) => o.value === selected);
      const merged = current && !result.options.some((o) => o.value === current.value) ? [current, ...result.options] : result.options;
      setOptions(merged);
      if (result.options.length === 0) setMessage("Aucun jeune actif de votre structure ne correspond. Vérifiez l'orthographe.");
      else {
        setMessage(
          `${result.options.length} jeune${result.options.length > 1 ? "s" : ""} trouvé${result.options.length > 1 ? "s" : ""} : choisissez dans la liste « ${label} ».`,
        );
        if (!current) setSelected(result.options[0]!.value);
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches instead of submitting the surrounding form.
    if (event.key === "Enter") {
      event.preventDefault();
      search();
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2">
        <label htmlFor={`${id}-recherche`} className="font-medium">
          Rechercher un jeune de la structure
        </label>
        <p id={`${id}-recherche-hint`} className="text-sm text-ink-2">
          Nom ou prénom, deux lettres au moins. La liste ci-dessous montre d&apos;abord vos jeunes.
        </p>
        <div className="flex flex-wrap gap-2">
          <input
            id={`${id}-recherche`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
            aria-describedby={`${id}-recherche-hint`}
            className={controlClasses(false, "max-w-xs flex-1")}
          />
          <Button type="button" variant="secondary" onClick={search} disabled={pending}>
            {pending ? "Recherche…" : "Rechercher"}
          </Button>
        </div>
        <p role="status" className="text-sm">
          {message}
        </p>
      </div>
      <div className="max-w-xl">
        <SelectField
          id={id}
          name={name}
          label={label}
          hint={hint}
          required
          placeholder="Choisir un jeune"
          options={options}
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
          error={error}
        />
      </div>
    </div>
  );
}
