import { expect, test } from "@playwright/test";
import { dayAhead, signIn } from "./helpers";

test("book from an empty cell, see the badge, open the window, change the time, cancel", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !/status of 4\d\d/.test(m.text()) && errors.push(m.text()));
  const date = dayAhead(30);
  await signIn(page);

  await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "スケジュール" }).click();
  await expect(page.getByRole("heading", { name: "日次スケジュール" })).toBeVisible();
  await page.getByLabel("日付を指定").fill(date);
  await page.getByRole("button", { name: "表示", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: /相田\s*受付可能数:\d+/ })).toBeVisible();

  await page.getByRole("link", { name: /相田 11:00に/ }).first().click();
  await expect(page.getByRole("heading", { name: "新規予約" })).toBeVisible();
  await expect(page.getByLabel("来店時刻")).toHaveValue("11:00");
  await expect(page.getByLabel("スタッフ")).toHaveValue(/\d+/);

  // A first-time customer, typed in hiragana: saved in katakana.
  await page.getByText("新規のお客様").click();
  await page.getByLabel("姓", { exact: true }).fill("手須戸");
  await page.getByLabel("名", { exact: true }).fill("花子");
  await page.getByLabel("セイ").fill("てすと");
  await page.getByLabel("メイ").fill("はなこ");
  await page.getByLabel("電話番号").fill("090-1234-5678");
  await page.getByLabel("クーポン・メニュー").selectOption({ label: "カット（60分・4,400円）" });
  await page.getByRole("button", { name: "予約する" }).click();
  await expect(page.getByRole("status")).toHaveText("予約を登録しました。");
  await expect(page.getByText("手須戸 花子（テスト ハナコ）様")).toBeVisible();
  await expect(page.getByText(/11:00~12:00 【所要時間:60分】/)).toBeVisible();

  await page.getByRole("link", { name: "スケジュールで見る" }).click();
  const badge = page.getByRole("link", { name: /手須戸 花子様/ });
  await expect(badge).toBeVisible();
  await badge.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("手須戸 花子（テスト ハナコ）様")).toBeVisible();
  await expect(dialog.getByText(/お客様番号：\d+/)).toBeVisible();
  await expect(dialog.getByText("予約経路")).toBeVisible();

  await dialog.getByRole("link", { name: "変更" }).click();
  await expect(page.getByRole("heading", { name: /予約の変更/ })).toBeVisible();
  await page.getByLabel("来店時刻").fill("14:00");
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByRole("status")).toHaveText("予約を変更しました。");
  await expect(page.getByText(/14:00~15:00 【所要時間:60分】/)).toBeVisible();

  await page.getByRole("link", { name: "スケジュールで見る" }).click();
  await page.getByRole("link", { name: /手須戸 花子様/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByRole("dialog").getByRole("link", { name: "キャンセル" }).click();
  await expect(page.getByRole("dialog").getByRole("heading", { name: "予約をキャンセルしますか？" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "キャンセルする" }).click();
  await expect(page.getByRole("dialog").getByRole("status")).toHaveText("予約をキャンセルしました。");
  await page.getByRole("dialog").getByRole("button", { name: "閉じる" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("link", { name: /手須戸 花子様/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the schedule's 受付可能数 changes for one slot and 最新を表示 refreshes the grid", async ({ page }) => {
  const date = dayAhead(31);
  await signIn(page);
  await page.goto(`/schedule?date=${date}`);
  await page.getByLabel("10:00の受付可能数").selectOption("4");
  await expect(page.getByLabel("10:00の受付可能数")).toHaveValue("4");
  await page.reload();
  await expect(page.getByLabel("10:00の受付可能数")).toHaveValue("4");
  await expect(page.getByLabel("10:30の受付可能数")).toHaveValue("2");
  await page.getByRole("button", { name: "最新を表示" }).click();
  await expect(page.getByText(/\d{4}\.\d{2}\.\d{2} \d{2}:\d{2} 時点/)).toBeVisible();
});
