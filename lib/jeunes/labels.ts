export const DISPOSITIF_LABELS = { aucun: "Aucun", PACEA: "PACEA", CEJ: "CEJ" } as const;

/** Usage name first when there is one, as counsellors call people. */
export function displayName(j: { nomNaissance: string; nomUsage: string | null; prenoms: string }): string {
  return `${(j.nomUsage ?? j.nomNaissance).toUpperCase()} ${j.prenoms}`;
}
