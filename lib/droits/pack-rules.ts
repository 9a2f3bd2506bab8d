/** How long a prepared access pack stays available in Mon espace (then its files are deleted). */
export const PACK_VALID_DAYS = 7;
