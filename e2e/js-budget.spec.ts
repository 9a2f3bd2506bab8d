import { BUDGET_PAGES, cookieFromStorageState, formatReport, runBudget, writeReport } from "../scripts/js-budget";
import { expect, sessionFile, test } from "./fixtures";

// First-load JavaScript of the production build, page by page, against its budget (scripts/js-budget.ts):
// 180 kB gzip for staff pages, 160 kB for Mon espace and the sign-in page. Writes reports/js-budget.json.
test("first-load JavaScript stays within the budgets", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const report = await runBudget({
    baseURL: baseURL!,
    cookieFor: (email: string) => cookieFromStorageState(sessionFile(email)),
    pages: BUDGET_PAGES,
  });
  writeReport(report);
  console.info(formatReport(report));
  expect(
    report.pages.filter((p) => !p.ok).map((p) => `${p.path}: ${p.kB} kB`),
    "pages over budget",
  ).toEqual([]);
});
