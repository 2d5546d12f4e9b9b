import { expect, test } from "@playwright/test";

test("staff sign in, open every page, change a stylist's 受付可能数 and sign out", async ({ page }) => {
  const errors: string[] = [];
  // CSP violations and script errors show here; a 401/422 answer to a form is expected.
  page.on("console", (m) => m.type() === "error" && !/status of 4\d\d/.test(m.text()) && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await page.getByLabel("ログインID").fill("admin");
  await page.getByLabel("パスワード").fill("wrong-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("alert")).toHaveText("ログインIDまたはパスワードが正しくありません。");

  await page.getByLabel("パスワード").fill("e2e-admin-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("heading", { name: /お知らせ/ })).toBeVisible();
  await expect(page.getByText(/\d{4}\.\d{2}\.\d{2} \d{2}:\d{2} 時点/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "本日のスケジュール" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "週間予約状況" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tsunagu", exact: true })).toBeVisible();

  const menu = page.getByRole("navigation", { name: "メニュー" });
  await menu.getByRole("link", { name: "設定" }).click();
  await expect(page.getByRole("heading", { name: "設定" })).toBeVisible();
  for (const [link, heading] of [
    ["サロン情報", "サロン情報"],
    ["スタッフ", "スタッフ"],
    ["設備", "設備"],
    ["クーポン・メニュー", "クーポン・メニュー"],
    ["定額プラン", "定額プラン"],
    ["ユーザー", "ユーザー"],
  ]) {
    await page.goto("/settings");
    await page.getByRole("main").getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  }

  await page.goto("/settings/staff");
  await page.getByRole("link", { name: "相田", exact: true }).click();
  await expect(page.getByRole("heading", { name: "スタッフの編集" })).toBeVisible();

  // Bad input first: the message sits next to the field and focus goes there.
  await page.getByLabel("受付可能数").fill("30");
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByText("受付可能数は1人〜20人の整数で入力してください。")).toBeVisible();
  await expect(page.getByLabel("受付可能数")).toBeFocused();

  await page.getByLabel("受付可能数").fill("3");
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByRole("status")).toHaveText("変更を保存しました。");
  await expect(page.getByRole("row", { name: /相田/ }).getByRole("cell", { name: "3人" })).toBeVisible();

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/settings/staff");
  await expect(page).toHaveURL(/\/login\?next=/);
  expect(errors).toEqual([]);
});

test("the whole app works by keyboard from the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("ログインID")).toBeFocused();
  await page.keyboard.type("admin");
  await page.keyboard.press("Tab");
  await page.keyboard.type("e2e-admin-password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "週間予約状況" })).toBeVisible();
});
