import { beforeEach, describe, expect, it } from "vitest";
import { PASSWORD, setupWorld, type TestBrowser, type TestWorld } from "../fixtures";

let world: TestWorld;
let admin: TestBrowser;
beforeEach(async () => {
  world = await setupWorld();
  admin = await world.browser("admin");
});

const row = (sql: string, ...params: unknown[]) => world.db.$client.prepare(sql).get(...params) as Record<string, unknown> | undefined;
const countOf = (table: string) => (row(`SELECT count(*) AS n FROM ${table}`) as { n: number }).n;

/** Posts a form and expects it back with 422, every message next to its field, nothing saved. */
async function expectRefused(path: string, fields: Record<string, string | number | boolean>, messages: Record<string, string>) {
  const res = await admin.post(path, fields);
  expect(res.status).toBe(422);
  const html = await res.text();
  expect(html).toContain("入力内容に誤りがあります。");
  for (const [field, message] of Object.entries(messages)) {
    expect(html).toContain(`<p class="field-error" id="f-${field}-error">${message}</p>`);
    expect(html).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
  }
  return html;
}

describe("スタッフ settings", () => {
  it("changes a staff member's 受付可能数 and shows it in the list", async () => {
    const res = await admin.post(`/settings/staff/${world.fx.staff.aida.id}`, {
      name: "相田",
      kana: "アイダ",
      capacity: "３",
      displayOrder: 1,
      salonboardCode: "S001",
      active: true,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/settings/staff?done=saved");
    expect(row("SELECT capacity FROM staff WHERE id = ?", world.fx.staff.aida.id)).toEqual({ capacity: 3 });
    const list = await (await admin.get("/settings/staff?done=saved")).text();
    expect(list).toContain("変更を保存しました。");
    expect(list).toMatch(/>相田<\/a><\/td><td>アイダ<\/td><td class="num">3人<\/td>/);
  });

  it("registers a new stylist, folding hiragana and half-width kana to katakana", async () => {
    const res = await admin.post("/settings/staff", { name: "内田", kana: "うちだ", capacity: 2, displayOrder: 3, salonboardCode: "S003", active: true });
    expect(res.status).toBe(303);
    expect(row("SELECT name, kana, capacity, salonboard_code AS code, active FROM staff WHERE name = '内田'")).toEqual({
      name: "内田", kana: "ウチダ", capacity: 2, code: "S003", active: 1,
    });
    await admin.post("/settings/staff", { name: "奥田", kana: "ｵｸﾀﾞ", capacity: 2, displayOrder: 4, active: true });
    expect(row("SELECT kana FROM staff WHERE name = '奥田'")).toEqual({ kana: "オクダ" });
  });

  it("answers bad input in Japanese next to each field and saves nothing", async () => {
    const before = countOf("staff");
    const html = await expectRefused(
      "/settings/staff",
      { name: "", kana: "Aida", capacity: "21", displayOrder: "abc", salonboardCode: "S 1" },
      {
        name: "氏名を入力してください。",
        kana: "フリガナはカタカナで入力してください。",
        capacity: "受付可能数は1人〜20人の整数で入力してください。",
        displayOrder: "表示順は0〜999の整数で入力してください。",
        salonboardCode: "SALON BOARDコードは半角英数字と「-」「_」で入力してください。",
      },
    );
    expect(html).toContain('value="Aida"'); // what was typed comes back
    expect(countOf("staff")).toBe(before);
    await expectRefused("/settings/staff", { name: "x".repeat(41), kana: "エックス", capacity: "0", displayOrder: 0 }, {
      name: "氏名は40文字以内で入力してください。",
      capacity: "受付可能数は1人〜20人の整数で入力してください。",
    });
    await expectRefused("/settings/staff", { name: "相田", kana: "アイダ", capacity: "1.5", displayOrder: "" }, {
      capacity: "受付可能数は1人〜20人の整数で入力してください。",
      displayOrder: "表示順を入力してください。",
    });
  });

  it("refuses a SALON BOARD code another stylist of the salon has, but not one of another salon", async () => {
    await expectRefused(`/settings/staff/${world.fx.staff.igawa.id}`, { name: "井川", kana: "イガワ", capacity: 2, displayOrder: 2, salonboardCode: "S001" }, {
      salonboardCode: "このSALON BOARDコードは他のスタッフで使われています。",
    });
    // S001 is also 外山's code in the other salon: each salon has its own codes.
    const res = await admin.post(`/settings/staff/${world.fx.staff.aida.id}`, { name: "相田", kana: "アイダ", capacity: 2, displayOrder: 1, salonboardCode: "S001", active: true });
    expect(res.status).toBe(303);
  });

  it("deactivates a stylist without deleting them", async () => {
    await admin.post(`/settings/staff/${world.fx.staff.igawa.id}`, { name: "井川", kana: "イガワ", capacity: 2, displayOrder: 2 });
    expect(row("SELECT active FROM staff WHERE id = ?", world.fx.staff.igawa.id)).toEqual({ active: 0 });
    expect(await (await admin.get("/settings/staff")).text()).toContain('<tr class="inactive">');
  });
});

describe("設備, クーポン・メニュー and 定額プラン settings", () => {
  it("registers each and refuses bad input in Japanese", async () => {
    expect((await admin.post("/settings/facilities", { name: "シャンプー台", capacity: 3, displayOrder: 2, active: true })).status).toBe(303);
    expect(row("SELECT capacity FROM facilities WHERE name = 'シャンプー台'")).toEqual({ capacity: 3 });
    await expectRefused("/settings/facilities", { name: "", capacity: "100", displayOrder: 0 }, {
      name: "設備名を入力してください。",
      capacity: "受付可能数は1人〜99人の整数で入力してください。",
    });

    expect((await admin.post("/settings/menus", { name: "カット", content: "◇シャンプー込", durationMin: "６０", price: "4,400", displayOrder: 1, salonboardCode: "C009", active: true })).status).toBe(303);
    expect(row("SELECT duration_min AS d, price FROM menus WHERE name = 'カット'")).toEqual({ d: 60, price: 4400 });
    await expectRefused("/settings/menus", { name: "パーマ", durationMin: "0", price: "-1", displayOrder: 0, salonboardCode: "C001" }, {
      durationMin: "所要時間は5分〜720分の整数で入力してください。",
      price: "料金は0円〜1,000,000円の整数で入力してください。",
      salonboardCode: "このSALON BOARDコードは他のクーポン・メニューで使われています。",
    });

    expect((await admin.post("/settings/plans", { name: "ヘッドスパ定額", monthlyPrice: "6600", displayOrder: 2, active: true })).status).toBe(303);
    expect(row("SELECT monthly_price AS p FROM plans WHERE name = 'ヘッドスパ定額'")).toEqual({ p: 6600 });
    await expectRefused("/settings/plans", { name: "", monthlyPrice: "", displayOrder: 0 }, {
      name: "プラン名を入力してください。",
      monthlyPrice: "月額料金を入力してください。",
    });
  });
});

describe("サロン情報 settings", () => {
  const week = (over: Record<string, string> = {}) => {
    const fields: Record<string, string> = { name: "デモサロン", slotMinutes: "30" };
    for (let d = 0; d < 7; d++) Object.assign(fields, { [`isOpen${d}`]: d === 2 ? "" : "1", [`open${d}`]: "10:00", [`close${d}`]: "20:00", [`capacity${d}`]: "2" });
    return { ...fields, ...over };
  };

  it("saves business hours, closed days, the slot length and 受付可能数 per weekday", async () => {
    const res = await admin.post("/settings/salon", week({ slotMinutes: "15", open6: "09:00", close6: "18:45", capacity6: "4" }));
    expect(res.status).toBe(303);
    expect(row("SELECT slot_minutes AS s FROM salons WHERE id = ?", world.fx.salons.demo.id)).toEqual({ s: 15 });
    expect(row("SELECT is_open, open_minute, close_minute, capacity FROM salon_hours WHERE salon_id = ? AND weekday = 6", world.fx.salons.demo.id)).toEqual({
      is_open: 1, open_minute: 540, close_minute: 1125, capacity: 4,
    });
    expect(row("SELECT is_open FROM salon_hours WHERE salon_id = ? AND weekday = 2", world.fx.salons.demo.id)).toEqual({ is_open: 0 });
    expect(row("SELECT slot_minutes AS s FROM salons WHERE id = ?", world.fx.salons.other.id)).toEqual({ s: 30 });
  });

  it("refuses impossible hours in Japanese and keeps the old ones", async () => {
    await expectRefused("/settings/salon", week({ name: "", slotMinutes: "20", open1: "25:00", close3: "09:00", capacity0: "-1" }), {
      name: "サロン名を入力してください。",
      slotMinutes: "予約枠の長さを選択してください。",
      open1: "月曜日の開店時刻を「10:00」の形で入力してください。",
      close3: "水曜日の閉店時刻は開店時刻より後にしてください。",
      capacity0: "日曜日の受付可能数は0人〜99人の整数で入力してください。",
    });
    await expectRefused("/settings/salon", week({ open5: "10:10", close4: "" }), {
      open5: "金曜日の開店時刻は予約枠（30分）の区切りで入力してください。",
      close4: "木曜日の閉店時刻を「10:00」の形で入力してください。",
    });
    expect(row("SELECT name, slot_minutes AS s FROM salons WHERE id = ?", world.fx.salons.demo.id)).toEqual({ name: "デモサロン", s: 30 });
  });
});

describe("ユーザー settings", () => {
  it("creates a user who can then sign in with the staff role", async () => {
    const res = await admin.post("/settings/users", { loginId: "Reception2", displayName: "受付2", role: "staff", password: "long-enough-pw", active: true });
    expect(res.status).toBe(303);
    expect(row("SELECT login_id, role FROM users WHERE display_name = '受付2'")).toEqual({ login_id: "reception2", role: "staff" });
    const b = await world.browser();
    expect((await b.login("reception2", "long-enough-pw")).status).toBe(303);
  });

  it("refuses a bad or taken login id, a short password and no role", async () => {
    await expectRefused("/settings/users", { loginId: "管理", displayName: "", role: "owner", password: "short" }, {
      loginId: "ログインIDは半角英数字と「.」「_」「-」の3〜32文字で入力してください。",
      displayName: "表示名を入力してください。",
      role: "権限を選択してください。",
      password: "パスワードは10文字以上で入力してください。",
    });
    await expectRefused("/settings/users", { loginId: "other-admin", displayName: "x", role: "staff", password: "long-enough-pw" }, {
      loginId: "このログインIDは既に使われています。",
    });
    expect(countOf("users")).toBe(3);
  });

  it("never leaves the salon without an active admin", async () => {
    await expectRefused(`/settings/users/${world.fx.users.admin.id}`, { displayName: "店長", role: "staff", active: true }, {
      role: "有効な管理者が一人もいなくなるため、この変更はできません。",
    });
    expect(row("SELECT role FROM users WHERE id = ?", world.fx.users.admin.id)).toEqual({ role: "admin" });
  });

  it("signs a user out everywhere when an admin resets their password", async () => {
    const desk = await world.browser("frontdesk");
    const res = await admin.post(`/settings/users/${world.fx.users.staff.id}`, { displayName: "受付", role: "staff", password: "brand-new-password", active: true });
    expect(res.status).toBe(303);
    expect((await desk.get("/")).status).toBe(302);
    const b = await world.browser();
    expect((await b.login("frontdesk", PASSWORD)).status).toBe(401);
    expect((await b.login("frontdesk", "brand-new-password")).status).toBe(303);
  });

  it("signs a deactivated user out at once", async () => {
    const desk = await world.browser("frontdesk");
    await admin.post(`/settings/users/${world.fx.users.staff.id}`, { displayName: "受付", role: "staff" });
    expect((await desk.get("/")).status).toBe(302);
  });
});
