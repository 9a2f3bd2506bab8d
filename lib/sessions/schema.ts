import { z } from "zod";

const NOT_FOUND = "Cette session est introuvable ou déjà fermée : rechargez la page.";

export const revokeSessionSchema = z.object({ sessionId: z.uuid({ error: NOT_FOUND }) });

/** Nothing to choose: the session and the account come from the cookie. */
export const ownSessionsSchema = z.object({});

export const accountSessionsSchema = z.object({ compteId: z.uuid({ error: "Compte inconnu : rechargez la page." }) });

export const SESSION_NOT_FOUND = NOT_FOUND;
