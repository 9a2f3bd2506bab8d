/** What a refused deactivation or move tells the form beside its message (see ErrorDetails). A count, nothing else. */
export interface PortfolioDetails {
  kind: "portefeuille";
  /** The counsellor's titular young people whose file is active. */
  jeunes: number;
  /** Where a director hands them over. */
  href: string;
}
