import { expect, test } from "@playwright/test";
import { dayAhead, signIn } from "./helpers";
import { SIM_PORT } from "../../playwright.config";

// The manual's flows against the bundled SALON BOARD simulator of the e2e server. The
// demo salon starts with one failure of each direction; staff resolve both, then one
// more, and the schedule's alert stops blinking.

const SIM = `http://127.0.0.1:${SIM_PORT}`;
const OUT = "TsunaguからSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。";
const IN = "SALON BOARDからTsunaguへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。";

async function sim(path: string, body: unknown) {
  const res = await fetch(`${SIM}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
}

test("both failure flows of the manual, and the schedule's alert", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page);

  await test.step("the schedule's alert blinks and the failed badge carries the ×", async () => {
    await page.goto(`/schedule?date=${dayAhead(1)}`);
    const alert = page.getByRole("alert").filter({ hasText: "予約連携に失敗した予約があります" });
    await expect(alert).toBeVisible();
    expect(await alert.evaluate((el) => getComputedStyle(el).animationName)).toBe("sync-blink");
    await expect(page.getByRole("img", { name: "連携失敗" }).first()).toBeVisible();
  });

  await test.step("outbound: お知らせ → 予約一覧へ → 予約転記済チェック → 変更する", async () => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: `${OUT}(1件)` })).toBeVisible();
    await page.getByRole("link", { name: "お知らせ一覧を表示" }).click();
    await expect(page.getByRole("heading", { name: "お知らせ一覧" })).toBeVisible();
    await expect(page.getByRole("img", { name: "未対応" }).first()).toBeVisible();
    await page.getByRole("link", { name: OUT }).first().click();
    await expect(page.getByText("---予約受付可能数を超えています")).toBeVisible();
    await expect(page.getByText(/^予約日時:\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)).toBeVisible();
    await page.getByRole("link", { name: "予約一覧へ" }).click();
    await expect(page.getByRole("heading", { name: "予約一覧" })).toBeVisible();
    await expect(page.getByLabel("連携状況")).toHaveValue("failed");
    await page.getByRole("row").filter({ hasText: "失敗（予約受付可能数を超えています）" }).getByRole("link").first().click();
    await expect(page.getByText("失敗（予約受付可能数を超えています）")).toBeVisible();
    await page.getByLabel("予約転記済チェック").check();
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByRole("status")).toHaveText("予約転記済チェックを保存しました。");
    await page.goto("/");
    await expect(page.getByRole("link", { name: new RegExp(`^${OUT}`) })).toHaveCount(0);
  });

  await test.step("inbound: 予約を転記する → 確認 → 登録", async () => {
    await page.getByRole("link", { name: `${IN}(1件)` }).click();
    await page.getByRole("link", { name: IN }).first().click();
    await expect(page.getByText("---クーポン（C900）が紐付いていません")).toBeVisible();
    await page.getByRole("link", { name: "予約を転記する" }).click();
    await expect(page.getByRole("heading", { name: /予約情報登録（転記）/ })).toBeVisible();
    await expect(page.getByLabel("セイ")).toHaveValue("ホットペッパー");
    await expect(page.getByLabel("電話番号")).toHaveValue("09011112222");
    await page.getByLabel("クーポン・メニュー").selectOption({ label: "カット（60分・4,400円）" });
    await page.getByRole("button", { name: "確認" }).click();
    await expect(page.getByRole("heading", { name: /予約情報登録（転記）の確認/ })).toBeVisible();
    await expect(page.getByText("保津 花子 様（新規登録）")).toBeVisible();
    await page.getByRole("button", { name: "登録" }).click();
    await expect(page.getByRole("status")).toContainText("SALON BOARDの予約を登録しました。");
    await expect(page.getByText(/^BC\d+$/)).toBeVisible();
  });

  await test.step("予約を転記しました resolves a new outbound failure from its notice", async () => {
    const date = dayAhead(40);
    await sim("/_sim/capacity", { capacity: 0, startAt: `${date}T10:00` });
    await page.goto(`/reservations/new?date=${date}&time=10:00`);
    await page.getByText("新規のお客様").click();
    await page.getByLabel("セイ").fill("てんき");
    await page.getByLabel("メイ").fill("はれこ");
    await page.getByLabel("クーポン・メニュー").selectOption({ label: "カット（60分・4,400円）" });
    await page.getByRole("button", { name: "予約する" }).click();
    await expect(page.getByRole("status")).toHaveText("予約を登録しました。");
    await expect(async () => {
      await page.goto("/");
      await expect(page.getByRole("link", { name: `${OUT}(1件)` })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await page.getByRole("link", { name: "お知らせ一覧を表示" }).click();
    await page.getByRole("link", { name: OUT }).first().click();
    await expect(page.getByText(`予約日時:${date} 10:00`)).toBeVisible();
    await page.getByRole("button", { name: "予約を転記しました" }).click();
    await expect(page.getByRole("status")).toHaveText("お知らせを対応済にしました。");
    await expect(page.getByText(/^対応済：.* 管理者（予約を転記しました）$/)).toBeVisible();
  });

  await test.step("with nothing left open, the alert stops", async () => {
    await page.goto("/");
    await expect(page.getByText("新しいお知らせはありません。")).toBeVisible();
    await page.goto(`/schedule?date=${dayAhead(1)}`);
    await expect(page.getByRole("alert").filter({ hasText: "予約連携に失敗した予約があります" })).toHaveCount(0);
    // The × stays on the badge: the manual says the icon does not change.
    await expect(page.getByRole("img", { name: "連携失敗" }).first()).toBeVisible();
  });

  expect(errors).toEqual([]);
});

test("the schedule's alert appears by itself when a failure arrives (polling)", async ({ page }) => {
  await signIn(page);
  const date = dayAhead(50);
  await page.goto(`/schedule?date=${date}`);
  const alert = page.getByRole("alert").filter({ hasText: "予約連携に失敗した予約があります" });
  await sim("/_sim/bookings", { startAt: `${date}T11:00`, durationMin: 60, staffCode: "S999", couponCode: null, customer: { nameKana: "ポーリング タロウ", nameKanji: null, phone: null, email: null } });
  await expect(alert).toBeVisible({ timeout: 10_000 });
});
