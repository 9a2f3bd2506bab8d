import type { PortfolioDetails } from "@/lib/comptes/details";
import type { ConflictDetails, DuplicateDetails } from "@/lib/jeunes/details";

/**
 * Structured facts a failure carries beside its message and field errors, for the form to render.
 * One `kind` per shape, listed here as the codes are in messages.ts. They go back to the browser:
 * never a secret, a NIR or a keyed hash in them.
 */
export type ErrorDetails = ConflictDetails | DuplicateDetails | PortfolioDetails;
