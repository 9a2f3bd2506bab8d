import { TextInput } from "@/components/ui/field";

/** The 6-digit field of an authenticator app's code: numeric keypad, one-time-code autofill, never kept. */
export function TotpCodeField({ id, error, label = "Code à 6 chiffres" }: { id: string; error?: string; label?: string }) {
  return (
    <TextInput
      id={id}
      name="code"
      label={label}
      hint="Le code affiché par votre application d'authentification, par exemple 123456. Il change toutes les 30 secondes."
      required
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      spellCheck={false}
      error={error}
      className="max-w-48 font-mono text-lg tracking-widest"
    />
  );
}
