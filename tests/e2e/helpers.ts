// What every browser spec does first: sign in as the e2e admin; and salon-local dates.
import { expect, type Page } from "@playwright/test";

/** A salon-local day `days` from today, YYYY-MM-DD. */
export function dayAhead(days: number): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

export async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("ログインID").fill("admin");
  await page.getByLabel("パスワード").fill("e2e-admin-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("heading", { name: "週間予約状況" })).toBeVisible();
}
