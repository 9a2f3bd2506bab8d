/** Narrower cells on phones, so name, age and dispositif fit without scrolling (other columns are hidden there). */
export const PORTEFEUILLE_CELL = "max-sm:px-2";
