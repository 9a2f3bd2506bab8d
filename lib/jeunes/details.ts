/**
 * What a refused save of a young person's file tells the form beside its message (see ErrorDetails).
 * These reach the browser: no NIR, no keyed hash, no value of a sensitive field.
 */
import type { EditableField } from "./schema";

/** The file the duplicate check found in the caller's mission locale, as the warning shows it. */
export interface DuplicateCandidate {
  id: string;
  nom: string;
  dateNaissance: string;
  conseiller: string | null;
  archive: boolean;
}

/** Creating or editing would give the same person a second file. */
export interface DuplicateDetails {
  kind: "duplicate";
  /** "structure": a file of the caller's mission locale (shown); "ailleurs": another one (nothing shown). */
  scope: "structure" | "ailleurs";
  by: "nir" | "identite";
  candidate: DuplicateCandidate | null;
  /** Present when the user may confirm ("il s'agit d'une autre personne"); never for a NIR in the same structure. */
  token: string | null;
}

/** One field saved by someone else since the form was loaded. */
export interface ConflictField {
  name: EditableField;
  /** The value now saved, as the form writes it; null for sensitive fields (only "modifié" is said). */
  current: string | null;
  /** The user also changed this field: their input wins if they confirm. */
  youChanged: boolean;
}

/** The file was saved by someone else after the form was loaded: nothing was written. */
export interface ConflictDetails {
  kind: "conflict";
  /** The version to confirm against ("Enregistrer quand même"). */
  version: number;
  fields: ConflictField[];
}
