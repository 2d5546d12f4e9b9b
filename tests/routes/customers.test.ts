import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { book, setupWorld, type TestBrowser, type TestWorld } from "../fixtures";

let world: TestWorld;
let desk: TestBrowser;

const q = (sql: string, ...params: unknown[]) => world.db.$client.prepare(sql).all(...params) as Record<string, unknown>[];
const run = (sql: string, ...params: unknown[]) => world.db.$client.prepare(sql).run(...params);
const list = async (query: string) => (await desk.get(`/customers?${query}`)).text();

/** The お客様番号 of the rows a list page shows. */
const numbers = (html: string) => [...html.matchAll(/<td>(\d+)<\/td><td>[^<]*<(?:span|\/td)/g)].map((m) => Number(m[1]));

function customer(no: number, fields: Record<string, string | number | null> = {}) {
  const cols = { last_name_kana: "テスト", first_name_kana: "", registration_route: "管理画面", ...fields };
  const keys = Object.keys(cols);
  return Number(
    run(`INSERT INTO customers (salon_id, customer_no, ${keys.join(", ")}) VALUES (?, ?, ${keys.map(() => "?").join(", ")})`, world.fx.salons.demo.id, no, ...Object.values(cols)).lastInsertRowid,
  );
}

describe("お客様管理: the search", () => {
  beforeEach(async () => {
    world = await setupWorld();
    desk = await world.browser("frontdesk");
  });

  it("lists the salon's customers with the screenshot's columns, 全N件 and ＋新規登録", async () => {
    const html = await list("");
    expect(html).toContain("全2件");
    expect(html).toContain("＋新規登録");
    for (const col of ["お客様番号", "氏名（カナ）", "氏名（漢字）", "電話番号", "性別", "職業", "来店回数", "登録経路", "詳細"]) expect(html).toContain(`<th scope="col">${col}</th>`);
    expect(html).toContain("<td>キクチ トモアキ</td><td>菊池 知亮</td><td class=\"nowrap\">03-6261-2528</td><td>男性</td>");
    expect(html).not.toContain("外園");
    expect(html).toContain("ページを離れると、選択中の項目はリセットされます。");
    expect(html).toContain(">選択したお客様を削除</button>");
  });

  it("folds how staff type names: hiragana, half-width kana, full-width letters", async () => {
    for (const query of ["lastKana=きく", "lastKana=ｷｸ", "firstKana=ともあき", "lastName=菊", "firstName=知", "customerNo=２１５"]) {
      expect(numbers(await list(encodeURI(query))), query).toEqual([215]);
    }
    customer(300, { last_name_kana: "ナナシ" });
    expect(numbers(await list("noKanji=1"))).toEqual([300]);
  });

  it("finds a phone number from any part of it, with or without hyphens", async () => {
    for (const query of ["03-6261-2528", "0362612528", "２５２８", "6261"]) expect(numbers(await list(`phone=${encodeURIComponent(query)}`)), query).toEqual([215]);
  });

  it("filters by メール, 誕生日 (across the new year too) and 年代", async () => {
    run("UPDATE customers SET email = 'Tomo@Example.jp', birthday = '1990-12-28' WHERE customer_no = 215");
    run("UPDATE customers SET birthday = '2001-01-05' WHERE customer_no = 135");
    expect(numbers(await list("email=tomo%40example"))).toEqual([215]);
    expect(numbers(await list("birthFromMonth=12&birthFromDay=20&birthToMonth=1&birthToDay=10"))).toEqual([215, 135]);
    expect(numbers(await list("birthFromMonth=12&birthToMonth=12"))).toEqual([215]);
    // On 2025-04-01 the one born 1990-12-28 is 34, the one born 2001-01-05 is 24.
    expect(numbers(await list("age=30"))).toEqual([215]);
    expect(numbers(await list("age=20"))).toEqual([135]);
  });

  it("filters by 性別, 職業, 要注意 and 登録経路", async () => {
    run("UPDATE customers SET occupation = '会社員', caution = 1, registration_route = 'HPB' WHERE customer_no = 135");
    expect(numbers(await list("gender=female"))).toEqual([135]);
    expect(numbers(await list("occupation=%E4%BC%9A%E7%A4%BE%E5%93%A1"))).toEqual([135]);
    expect(numbers(await list("caution=1"))).toEqual([135]);
    expect(numbers(await list("route=HPB"))).toEqual([135]);
  });

  it("filters by 定額プラン: 契約中, 解約履歴あり, 決済失敗", async () => {
    const plan = world.fx.plans.unlimitedCut.id;
    run("INSERT INTO plan_contracts (salon_id, customer_id, plan_id, status, started_on) VALUES (?, ?, ?, 'active', '2025-01-01')", world.fx.salons.demo.id, world.fx.customers.kikuchi.id, plan);
    run("INSERT INTO plan_contracts (salon_id, customer_id, plan_id, status, started_on, ended_on) VALUES (?, ?, ?, 'cancelled', '2024-01-01', '2024-06-30')", world.fx.salons.demo.id, world.fx.customers.koga.id, plan);
    expect(numbers(await list("contract=active"))).toEqual([215]);
    expect(numbers(await list("contract=cancelled"))).toEqual([135]);
    expect(numbers(await list("contract=payment_failed"))).toEqual([]);
    expect(numbers(await list("contract=active&contract=cancelled"))).toEqual([215, 135]);
  });

  it("filters by 前回来店日 and 来店回数, kept from the visits as they happen", async () => {
    const a = book(world, { date: "2025-03-10", startMinute: 600, durationMin: 60, status: "paid" });
    book(world, { date: "2025-03-20", startMinute: 600, durationMin: 60, status: "visited" });
    book(world, { date: "2025-03-25", startMinute: 600, durationMin: 60, status: "paid", customerId: world.fx.customers.koga.id });
    expect(q("SELECT visit_count, first_visit_date, last_visit_date FROM customers WHERE customer_no = 215")).toEqual([{ visit_count: 2, first_visit_date: "2025-03-10", last_visit_date: "2025-03-20" }]);
    expect(numbers(await list("visitsMin=2"))).toEqual([215]);
    expect(numbers(await list("visitsMax=1"))).toEqual([135]);
    expect(numbers(await list("lastVisitFrom=2025-03-21&lastVisitTo=2025-03-31"))).toEqual([135]);
    run("UPDATE reservations SET status = 'no_show' WHERE id = ?", a.id);
    expect(q("SELECT visit_count, first_visit_date FROM customers WHERE customer_no = 215")).toEqual([{ visit_count: 1, first_visit_date: "2025-03-20" }]);
  });

  it("pages by 100 with 前へ and 次へ, keeping the search in the URL", async () => {
    for (let i = 0; i < 120; i++) customer(1000 + i, { last_name_kana: "ページ" });
    const first = await list("lastKana=%E3%83%9A%E3%83%BC%E3%82%B8");
    expect(first).toContain("全120件");
    expect(numbers(first)).toHaveLength(100);
    expect(first).toContain('<a href="/customers?lastKana=%E3%83%9A%E3%83%BC%E3%82%B8&amp;page=2">次へ »</a>');
    const second = await list("lastKana=%E3%83%9A%E3%83%BC%E3%82%B8&page=2");
    expect(numbers(second)).toHaveLength(20);
    expect(second).toContain('<a href="/customers?lastKana=%E3%83%9A%E3%83%BC%E3%82%B8">« 前へ</a>');
  });
});

describe("お客様管理: create and edit", () => {
  beforeEach(async () => {
    world = await setupWorld();
    desk = await world.browser("frontdesk");
  });

  it("registers a customer, folding kana and the phone", async () => {
    const res = await desk.post("/customers", { lastName: "山田", firstName: "花子", lastNameKana: "やまだ", firstNameKana: "ﾊﾅｺ", phone: "090-1111-2222", email: "hanako@example.jp", birthday: "1990-04-02", gender: "female", occupation: "学生", registrationRoute: "電話" });
    expect(res.status).toBe(303);
    expect(q("SELECT customer_no, last_name_kana, first_name_kana, phone, birthday, registration_route FROM customers WHERE last_name = '山田'")).toEqual([
      { customer_no: 216, last_name_kana: "ヤマダ", first_name_kana: "ハナコ", phone: "09011112222", birthday: "1990-04-02", registration_route: "電話" },
    ]);
  });

  it("answers bad input in Japanese next to each field and saves nothing", async () => {
    const res = await desk.post("/customers", { lastNameKana: "山田", phone: "12345", email: "hanako", birthday: "2025-02-30", gender: "female", occupation: "宇宙飛行士", registrationRoute: "電話" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-lastNameKana-error">セイはカタカナで入力してください。</p>');
    expect(html).toContain('id="f-phone-error">電話番号は0から始まる10桁または11桁の数字で入力してください。</p>');
    expect(html).toContain('id="f-email-error">メールアドレスを「name@example.jp」の形で入力してください。</p>');
    expect(html).toContain('id="f-birthday-error">誕生日を「1990-04-02」の形で、実在する過去の日付で入力してください。</p>');
    expect(html).toContain('id="f-occupation-error">職業を一覧から選択してください。</p>');
    expect(q("SELECT count(*) AS n FROM customers")).toEqual([{ n: 3 }]);
  });

  it("edits within the salon only", async () => {
    const id = world.fx.customers.kikuchi.id;
    expect((await desk.post(`/customers/${id}`, { lastName: "菊地", firstName: "知亮", lastNameKana: "キクチ", firstNameKana: "トモアキ", gender: "male" })).status).toBe(303);
    expect(q("SELECT last_name FROM customers WHERE id = ?", id)).toEqual([{ last_name: "菊地" }]);
    const other = await world.browser("other-admin");
    expect((await other.get(`/customers/${id}`)).status).toBe(404);
    expect((await other.post(`/customers/${id}`, { lastNameKana: "ノットリ", gender: "male" })).status).toBe(404);
    expect((await other.post("/customers/deletion", { ids: id, confirm: "1" })).status).toBe(422);
    expect(q("SELECT count(*) AS n FROM customers WHERE id = ?", id)).toEqual([{ n: 1 }]);
  });
});

describe("お客様 detail: 来店情報, 予約履歴 and 定額プラン", () => {
  beforeEach(async () => {
    world = await setupWorld();
    desk = await world.browser("frontdesk");
  });

  it("shows the customer's fields, visits, history and contracts with 編集する and お客様情報を削除する", async () => {
    book(world, { date: "2025-03-10", startMinute: 600, durationMin: 60, status: "paid", visitMemo: "前髪短め" });
    const html = await (await desk.get(`/customers/${world.fx.customers.kikuchi.id}`)).text();
    for (const text of ["菊池 知亮（キクチ トモアキ）様", "<dt>お客様番号</dt><dd>215</dd>", "<dt>初回来店日</dt><dd>2025/03/10</dd>", "<dt>来店回数</dt><dd>1回</dd>", "前髪短め", "定額プランの契約はありません。", ">編集する</a>", ">お客様情報を削除する</a>"]) {
      expect(html).toContain(text);
    }
  });

  it("starts a contract, records 決済失敗 and 解約, and refuses another salon's plan", async () => {
    const id = world.fx.customers.kikuchi.id;
    expect((await desk.post(`/customers/${id}/contracts`, { planId: world.fx.plans.otherPlan.id, startedOn: "" })).status).toBe(422);
    expect((await desk.post(`/customers/${id}/contracts`, { planId: world.fx.plans.unlimitedCut.id, startedOn: "" })).status).toBe(303);
    const contract = q("SELECT id, status, started_on FROM plan_contracts")[0] as { id: number; status: string; started_on: string };
    expect(contract).toMatchObject({ status: "active", started_on: "2025-04-01" });
    expect(await list("contract=active")).toContain("キクチ トモアキ");
    await desk.post(`/customers/${id}/contracts/${contract.id}`, { status: "payment_failed" });
    expect(await list("contract=payment_failed")).toContain("キクチ トモアキ");
    await desk.post(`/customers/${id}/contracts/${contract.id}`, { status: "cancelled" });
    expect(q("SELECT status, ended_on FROM plan_contracts")).toEqual([{ status: "cancelled", ended_on: "2025-04-01" }]);
    expect(await (await desk.get(`/customers/${id}`)).text()).toContain("<td>カット通い放題</td><td>解約</td>");
    const other = await world.browser("other-admin");
    expect((await other.post(`/customers/${id}/contracts/${contract.id}`, { status: "payment_failed" })).status).toBe(404);
  });
});

describe("お客様管理: bulk delete, one page at a time", () => {
  beforeEach(async () => {
    world = await setupWorld();
    desk = await world.browser("frontdesk");
  });

  it("confirms with the count, then deletes them all in one go and keeps only an audit of numbers", async () => {
    const a = customer(501, { last_name: "削除", first_name: "一郎", phone: "09000000501" });
    const b = customer(502, { last_name: "削除", first_name: "二郎" });
    const past = book(world, { customerId: a, date: "2025-03-01", status: "paid", visitMemo: "一郎さんは右分け" });
    const confirm = await desk.post("/customers/deletion", { ids: a, back: "lastName=%E5%89%8A%E9%99%A4" });
    const body = new URLSearchParams({ _csrf: desk.csrfToken(), back: "lastName=削除", confirm: "1" });
    body.append("ids", String(a));
    body.append("ids", String(b));
    expect(await confirm.text()).toContain("選択中のお客様: 1件");
    const res = await desk.request("/customers/deletion", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" } });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/customers?lastName=%E5%89%8A%E9%99%A4&done=deleted&n=2");
    expect(await (await desk.get(res.headers.get("Location")!)).text()).toContain("2件のお客様を削除しました。");
    expect(q("SELECT count(*) AS n FROM customers WHERE id IN (?, ?)", a, b)).toEqual([{ n: 0 }]);
    expect(q("SELECT reason, count, customer_nos, deleted_by FROM customer_deletions")).toEqual([{ reason: "bulk", count: 2, customer_nos: "[501,502]", deleted_by: world.fx.users.staff.id }]);
    const admin = await world.browser("admin");
    const log = await (await admin.get("/settings/deletions")).text();
    expect(log).toContain("<td>受付</td><td>一括削除</td><td class=\"num\">2件</td><td>501, 502</td>");
    expect(log).not.toContain("一郎");
    expect((await desk.get("/settings/deletions")).status).toBe(403);
    expect(q("SELECT customer_id, visit_memo, status FROM reservations WHERE id = ?", past.id)).toEqual([{ customer_id: null, visit_memo: "", status: "paid" }]);
    expect(await (await desk.get(`/reservations/${past.id}`)).text()).toContain("削除済みのお客様");
  });

  it("refuses the whole selection when one has a future 予約中 reservation or an active plan, marking those rows", async () => {
    const free = customer(601);
    const booked = customer(602);
    const planned = customer(603);
    book(world, { customerId: booked, date: "2025-04-05" });
    run("INSERT INTO plan_contracts (salon_id, customer_id, plan_id, status, started_on) VALUES (?, ?, ?, 'active', '2025-01-01')", world.fx.salons.demo.id, planned, world.fx.plans.unlimitedCut.id);
    const body = new URLSearchParams({ _csrf: desk.csrfToken(), back: "", confirm: "1" });
    for (const id of [free, booked, planned]) body.append("ids", String(id));
    const res = await desk.request("/customers/deletion", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" } });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("削除対象のお客様が予約中または定額プラン契約者がいるため個別に削除してください");
    expect(html).toContain('<span class="blocker">予約中</span>');
    expect(html).toContain('<span class="blocker">定額プラン契約中</span>');
    expect(q("SELECT count(*) AS n FROM customers WHERE id IN (?, ?, ?)", free, booked, planned)).toEqual([{ n: 3 }]);
    expect(q("SELECT count(*) AS n FROM customer_deletions")).toEqual([{ n: 0 }]);
  });
});

describe("お客様情報を削除する (individual)", () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "tsunagu-erase-"));
    world = await setupWorld({}, join(dir, "app.db"));
    desk = await world.browser("frontdesk");
  });
  afterEach(() => {
    world.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("says what it will cancel and end, then does it all in one transaction", async () => {
    const id = world.fx.customers.koga.id;
    const future = book(world, { customerId: id, date: "2025-04-05" });
    const past = book(world, { customerId: id, date: "2025-03-05", status: "paid" });
    run("INSERT INTO plan_contracts (salon_id, customer_id, plan_id, status, started_on) VALUES (?, ?, ?, 'active', '2025-01-01')", world.fx.salons.demo.id, id, world.fx.plans.unlimitedCut.id);
    run("INSERT INTO salonboard_connections (salon_id, url, token) VALUES (?, 'http://127.0.0.1:9', 't')", world.fx.salons.demo.id);

    const confirm = await (await desk.get(`/customers/${id}/deletion`)).text();
    expect(confirm).toContain("予約中の予約1件がキャンセルされ、SALON BOARDにも送られます。");
    expect(confirm).toContain("定額プラン「カット通い放題」が解約されます。");
    expect(confirm).toContain(">お客様情報を削除する</button>");

    const res = await desk.post(`/customers/${id}/deletion`);
    expect(res.status).toBe(303);
    expect(q("SELECT id, status, customer_id FROM reservations ORDER BY id")).toEqual([
      { id: future.id, status: "cancelled", customer_id: null },
      { id: past.id, status: "paid", customer_id: null },
    ]);
    expect(q("SELECT reservation_id FROM sync_outbox")).toEqual([{ reservation_id: future.id }]);
    expect(q("SELECT status, ended_on, customer_id FROM plan_contracts")).toEqual([{ status: "cancelled", ended_on: "2025-04-01", customer_id: null }]);
    expect(q("SELECT reason, count, customer_nos, cancelled_reservations, ended_contracts FROM customer_deletions")).toEqual([
      { reason: "individual", count: 1, customer_nos: "[135]", cancelled_reservations: 1, ended_contracts: 1 },
    ]);
  });

  it("leaves nothing of the person anywhere in the database file", async () => {
    const id = customer(777, { last_name: "消去", first_name: "確認子", last_name_kana: "ショウキョ", first_name_kana: "カクニンコ", phone: "09076543210", email: "kakunin@example.jp", address: "東京都港区芝公園", memo: "髪質メモ" });
    book(world, { customerId: id, date: "2025-03-05", status: "paid", visitMemo: "ショウキョさんは右分け" });
    run("UPDATE reservations SET salonboard_payload = ? WHERE customer_id = ?", JSON.stringify({ customer: { nameKana: "ショウキョ カクニンコ", phone: "09076543210" } }), id);
    await desk.get("/schedule?date=2025-03-05"); // rendered pages hold the name too
    expect((await desk.post(`/customers/${id}/deletion`)).status).toBe(303);
    world.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
    for (const secret of ["消去", "確認子", "ショウキョ", "カクニンコ", "09076543210", "kakunin@example.jp", "芝公園", "髪質メモ", "右分け"]) {
      expect(bytes.includes(Buffer.from(secret, "utf8")), secret).toBe(false);
    }
    expect(await (await desk.get("/schedule?date=2025-03-05")).text()).not.toContain("消去");
    expect(q("SELECT customer_nos FROM customer_deletions")).toEqual([{ customer_nos: "[777]" }]);
  });
});
