import { Alert } from "@/components/ui/alert";

const NOTICES: Record<string, string> = {
  partout: "Vous êtes déconnecté de tous vos appareils. Reconnectez-vous pour continuer.",
  expiree: "Votre session a été fermée. Reconnectez-vous pour continuer.",
};

/** Why the person is back on the sign-in page (?session=…): a known reason only, never text from the URL. */
export function SessionNotice({ reason }: { reason: string | string[] | undefined }) {
  const message = typeof reason === "string" ? NOTICES[reason] : undefined;
  if (!message) return null;
  return (
    <div className="mb-6">
      <Alert tone="info" live="polite">
        {message}
      </Alert>
    </div>
  );
}
