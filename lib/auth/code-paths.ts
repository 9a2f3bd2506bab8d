/** Pages of the Mon espace sign-in (a leaf: client components import it). */
export const CODE_PATH = "/connexion/code";
export const LINK_PATH = "/connexion/lien";
