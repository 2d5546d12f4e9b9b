import { expect, test, type Page } from "@playwright/test";
import { dayAhead, signIn } from "./helpers";

// お客様管理 in Chromium: search, select, confirm the count, delete; the refusal;
// selection reset on changing page; individual delete with its cascade.

async function register(page: Page, sei: string, mei: string) {
  await page.goto("/customers/new");
  await page.getByLabel("セイ").fill(sei);
  await page.getByLabel("メイ").fill(mei);
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByRole("status")).toHaveText("お客様を登録しました。");
}

async function search(page: Page, sei: string) {
  await page.goto("/customers");
  await page.getByRole("textbox", { name: "セイ" }).fill(sei);
  await page.getByRole("button", { name: "検索", exact: true }).click();
}

test("search, select two, confirm the count, delete them", async ({ page }) => {
  await signIn(page);
  for (const mei of ["いち", "に", "さん"]) await register(page, "けしてみる", mei);
  await search(page, "ケシテミル");
  await expect(page.getByText("全3件")).toBeVisible();
  await expect(page).toHaveURL(/lastKana=/);
  await page.getByLabel(/ケシテミル イチを選択/).check();
  await page.getByLabel(/ケシテミル ニを選択/).check();
  await page.getByRole("button", { name: "選択したお客様を削除" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("選択中のお客様: 2件")).toBeVisible();
  await expect(dialog.getByText("削除したお客様データは復元できません。本当に削除しますか?")).toBeVisible();
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("status")).toHaveText("2件のお客様を削除しました。");
  await expect(page.getByText("全1件")).toBeVisible();
  await expect(page.getByRole("cell", { name: "ケシテミル サン", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "ケシテミル イチ", exact: true })).toHaveCount(0);
});

test("the whole page can be selected, and the selection resets on changing page", async ({ page }) => {
  await signIn(page);
  await page.goto("/customers");
  await expect(page.getByRole("link", { name: "次へ »" }).first()).toBeVisible();
  await page.getByLabel("このページのお客様をすべて選択").check();
  const boxes = page.locator("input[name='ids']");
  expect(await boxes.count()).toBe(100);
  await expect(boxes.nth(99)).toBeChecked();
  await page.getByRole("link", { name: "次へ »" }).first().click();
  await expect(page.locator("input[name='ids']:checked")).toHaveCount(0);
  await page.goBack();
  await expect(page.locator("input[name='ids']:checked")).toHaveCount(0);
  await page.getByRole("button", { name: "選択したお客様を削除" }).click();
  await expect(page.getByRole("dialog").getByText("選択中のお客様: 0件")).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "キャンセル" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
});

test("the refusal for a customer with a future reservation, then individual delete with its cascade", async ({ page }) => {
  await signIn(page);
  const date = dayAhead(35);
  await page.goto(`/reservations/new?date=${date}&time=10:00`);
  await page.getByText("新規のお客様").click();
  await page.getByLabel("セイ").fill("よやくちゅう");
  await page.getByLabel("メイ").fill("はなこ");
  await page.getByLabel("クーポン・メニュー").selectOption({ label: "カット（60分・4,400円）" });
  await page.getByRole("button", { name: "予約する" }).click();
  await expect(page.getByRole("status")).toHaveText("予約を登録しました。");
  const reservationUrl = page.url();

  await search(page, "ヨヤクチュウ");
  await page.getByLabel(/ヨヤクチュウ ハナコを選択/).check();
  await page.getByRole("button", { name: "選択したお客様を削除" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("alert")).toHaveText("削除対象のお客様が予約中または定額プラン契約者がいるため個別に削除してください");
  await expect(page.getByRole("row").filter({ hasText: "ヨヤクチュウ" }).getByText("予約中")).toBeVisible();

  await page.getByRole("row").filter({ hasText: "ヨヤクチュウ" }).getByRole("link", { name: "詳細" }).click();
  await page.getByRole("link", { name: "お客様情報を削除する" }).click();
  await expect(page.getByText("予約中の予約1件がキャンセルされ、SALON BOARDにも送られます。")).toBeVisible();
  await page.getByRole("button", { name: "お客様情報を削除する" }).click();
  await expect(page.getByRole("status")).toHaveText("お客様情報を削除しました。");
  await page.goto(reservationUrl.replace(/\?.*$/, ""));
  await expect(page.getByText("削除済みのお客様")).toBeVisible();
  await expect(page.getByText("キャンセル", { exact: true }).first()).toBeVisible();
});
