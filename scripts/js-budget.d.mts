// Types of scripts/js-budget.mjs for the e2e spec that runs it (e2e/js-budget.spec.ts).
export type BudgetKind = "staff" | "jeune" | "public";
export interface BudgetPage {
  path: string;
  kind: BudgetKind;
  account: string | null;
}
export interface MeasuredScript {
  src: string;
  raw: number;
  gzip: number;
}
export interface BudgetResult {
  path: string;
  kind: BudgetKind;
  scripts: MeasuredScript[];
  gzip: number;
  budgetBytes: number;
  kB: number;
  ok: boolean;
}
export interface BudgetReport {
  measuredAt: string;
  baseURL: string;
  gzipLevel: number;
  unit: string;
  pages: BudgetResult[];
}
export const BUDGETS_KB: Record<BudgetKind, number>;
export const BUDGET_PAGES: BudgetPage[];
export function scriptsOf(html: string): string[];
export function runBudget(options: { baseURL: string; cookieFor: (email: string) => string; pages?: BudgetPage[] }): Promise<BudgetReport>;
export function cookieFromStorageState(file: string): string;
export function writeReport(report: BudgetReport, file?: string): string;
export function formatReport(report: BudgetReport): string;
