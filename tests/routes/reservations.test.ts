import { beforeEach, describe, expect, it } from "vitest";
import { book, reservationFields, setupWorld, type TestBrowser, type TestWorld } from "../fixtures";

let world: TestWorld;
let desk: TestBrowser;
beforeEach(async () => {
  world = await setupWorld();
  desk = await world.browser("frontdesk");
});

const q = (sql: string, ...params: unknown[]) => world.db.$client.prepare(sql).all(...params) as Record<string, unknown>[];
const countOf = (table: string) => (q(`SELECT count(*) AS n FROM ${table}`)[0] as { n: number }).n;

const form = (over: Record<string, string | number> = {}) => reservationFields(world, over);

async function expectRefused(path: string, fields: Record<string, string | number>, field: string, message: string) {
  const before = [countOf("reservations"), countOf("customers")];
  const res = await desk.post(path, fields);
  expect(res.status, `${field}: ${message}`).toBe(422);
  const html = await res.text();
  expect(html).toContain(`id="f-${field}-error">${message}</p>`);
  expect([countOf("reservations"), countOf("customers")]).toEqual(before);
  return html;
}

describe("新規予約", () => {
  it("books an existing customer with the menu's duration and shows 予約詳細 as in the manual", async () => {
    const res = await desk.post("/reservations", form({ visitMemo: "頭皮が敏感" }));
    expect(res.status).toBe(303);
    const [row] = q("SELECT id, number, status, route, start_minute, duration_min, end_minute, menu_name, received_at FROM reservations");
    expect(row).toMatchObject({ number: 1, status: "booked", route: "電話", start_minute: 660, duration_min: 120, end_minute: 780, menu_name: "カット+カラー+超音波トリートメント" });
    expect(row!.received_at).toBe(new Date("2025-04-01T16:23:00+09:00").getTime());
    expect(res.headers.get("Location")).toBe(`/reservations/${row!.id}?done=created`);

    const html = await (await desk.get(`/reservations/${row!.id}?done=created`)).text();
    expect(html).toContain("予約を登録しました。");
    expect(html).toContain("予約受信日時：2025/04/01 16:23");
    expect(html).toContain("2025年04月02日(水) 11:00~13:00 【所要時間:120分】");
    expect(html).toContain("<dt>予約番号</dt><dd>1</dd>");
    expect(html).toContain("受付待ち");
    expect(html).toContain("<dt>指名</dt><dd>相田</dd>");
    expect(html).toContain("<dt>クーポン名</dt><dd>カット+カラー+超音波トリートメント</dd>");
    expect(html).toContain("菊池 知亮（キクチ トモアキ）様");
    expect(html).toContain("<dt>連携状況</dt>");
    expect(html).not.toContain("この予約は来店日を迎えました。");
  });

  it("registers a new customer inline, folding kana and phone hyphens, in the same transaction", async () => {
    const res = await desk.post("/reservations", form({ customerId: "", newLastName: "山田", newFirstName: "花子", newLastNameKana: "やまだ", newFirstNameKana: "ﾊﾅｺ", newPhone: "090-1111-2222", staffId: "", durationMin: "60" }));
    expect(res.status).toBe(303);
    expect(q("SELECT customer_no, last_name, last_name_kana, first_name_kana, phone, registration_route FROM customers WHERE last_name = '山田'")).toEqual([
      { customer_no: 216, last_name: "山田", last_name_kana: "ヤマダ", first_name_kana: "ハナコ", phone: "09011112222", registration_route: "電話" },
    ]);
    expect(q("SELECT staff_id, duration_min FROM reservations")).toEqual([{ staff_id: null, duration_min: 60 }]);
  });

  it("prefills the form from an empty schedule cell", async () => {
    const html = await (await desk.get(`/reservations/new?date=2025-04-03&time=14:30&staffId=${world.fx.staff.igawa.id}`)).text();
    expect(html).toContain('name="date" type="date" value="2025-04-03"');
    expect(html).toContain('name="time" type="time" value="14:30"');
    expect(html).toMatch(new RegExp(`<option value="${world.fx.staff.igawa.id}" selected="">井川`));
  });

  it("answers every kind of bad input in Japanese next to its field and saves nothing", async () => {
    const { fx } = world;
    await expectRefused("/reservations", form({ customerId: "" }), "customerId", "お客様を検索して選択するか、新規のお客様を入力してください。");
    await expectRefused("/reservations", form({ customerId: fx.customers.otherGuest.id }), "customerId", "選択したお客様が見つかりません。もう一度検索してください。");
    await expectRefused("/reservations", form({ customerId: "", newFirstName: "花子", newPhone: "12-34" }), "newLastNameKana", "セイを入力してください。");
    await expectRefused("/reservations", form({ customerId: "", newLastNameKana: "ヤマダ", newPhone: "12-34" }), "newPhone", "電話番号は0から始まる10桁または11桁の数字で入力してください。");
    await expectRefused("/reservations", form({ customerId: "", newLastNameKana: "Yamada" }), "newLastNameKana", "セイはカタカナで入力してください。");
    for (const staffId of [fx.staff.otherStylist.id, 99999, "abc"]) {
      await expectRefused("/reservations", form({ staffId }), "staffId", "選択したスタッフが見つかりません。一覧から選び直してください。");
    }
    await expectRefused("/reservations", form({ facilityId: fx.facilities.otherBooth.id }), "facilityId", "選択した設備が見つかりません。一覧から選び直してください。");
    await expectRefused("/reservations", form({ menuId: "" }), "menuId", "クーポン・メニューを選択してください。");
    await expectRefused("/reservations", form({ menuId: fx.menus.otherCut.id }), "menuId", "選択したクーポン・メニューが見つかりません。一覧から選び直してください。");
    for (const date of ["2025-02-30", "tomorrow", "2025-4-2", "２０２５年"]) {
      await expectRefused("/reservations", form({ date }), "date", "来店日を「2025-04-02」の形で、実在する日付で入力してください。");
    }
    await expectRefused("/reservations", form({ date: "" }), "date", "来店日を入力してください。");
    for (const time of ["25:00", "noon", "11"]) await expectRefused("/reservations", form({ time }), "time", "来店時刻を「11:00」の形で入力してください。");
    await expectRefused("/reservations", form({ time: "09:00" }), "time", "来店時刻が営業時間（10:00〜20:00）の外です。");
    await expectRefused("/reservations", form({ time: "20:00" }), "time", "来店時刻が営業時間（10:00〜20:00）の外です。");
    await expectRefused("/reservations", form({ time: "11:15" }), "time", "来店時刻は30分単位で入力してください。");
    await expectRefused("/reservations", form({ time: "19:00" }), "durationMin", "所要時間が閉店時刻（20:00）を超えています。");
    for (const durationMin of ["0", "abc", "721", "1.5"]) {
      await expectRefused("/reservations", form({ durationMin }), "durationMin", "所要時間は5分〜720分の整数で入力してください。");
    }
    await expectRefused("/reservations", form({ route: "HPB" }), "route", "予約経路を選択してください。");
  });

  it("refuses a closed day", async () => {
    world.db.$client.prepare("UPDATE salon_hours SET is_open = 0 WHERE salon_id = ? AND weekday = 3").run(world.fx.salons.demo.id);
    await expectRefused("/reservations", form({ date: "2025-04-02" }), "date", "水曜日は定休日のため予約できません。");
  });
});

describe("受付可能数", () => {
  it("refuses a third customer at once for a stylist who takes two, naming the slot", async () => {
    world.db.$client.prepare("UPDATE salon_hours SET capacity = 3 WHERE salon_id = ?").run(world.fx.salons.demo.id);
    book(world, { startMinute: 600, durationMin: 90 });
    book(world, { startMinute: 660, durationMin: 60, customerId: world.fx.customers.koga.id });
    const html = await expectRefused("/reservations", form({ time: "10:30", durationMin: "60" }), "time",
      "予約受付可能数を超えています（11:00〜11:30の枠：スタッフ「相田」の受付可能数は2人です）");
    expect(html).toContain('value="10:30"');
    // Another stylist is free then; the salon takes 3 per slot, so one more fits, not two.
    expect((await desk.post("/reservations", form({ time: "11:00", durationMin: "30", staffId: world.fx.staff.igawa.id }))).status).toBe(303);
    await expectRefused("/reservations", form({ time: "11:00", durationMin: "30", staffId: "" }), "time",
      "予約受付可能数を超えています（11:00〜11:30の枠：サロンの受付可能数は3人です）");
    // After the overlap it fits.
    expect((await desk.post("/reservations", form({ time: "12:00", durationMin: "30" }))).status).toBe(303);
  });

  it("counts a facility's 受付可能数", async () => {
    world.db.$client.prepare("UPDATE facilities SET capacity = 1 WHERE id = ?").run(world.fx.facilities.booth.id);
    book(world, { facilityId: world.fx.facilities.booth.id, staffId: null });
    await expectRefused("/reservations", form({ facilityId: world.fx.facilities.booth.id, staffId: world.fx.staff.igawa.id }), "time",
      "予約受付可能数を超えています（11:00〜11:30の枠：設備「サロンブース」の受付可能数は1人です）");
  });

  it("follows the salon's 受付可能数 set for one slot from the schedule", async () => {
    book(world, { staffId: world.fx.staff.igawa.id, startMinute: 600, durationMin: 30 });
    book(world, { staffId: null, startMinute: 600, durationMin: 30 });
    await expectRefused("/reservations", form({ time: "10:00", durationMin: "30" }), "time", "予約受付可能数を超えています（10:00〜10:30の枠：サロンの受付可能数は2人です）");

    const raise = await desk.post("/schedule/capacity", { date: "2025-04-02", slot: 600, "capacity-600": 3 });
    expect(raise.status).toBe(303);
    expect(q("SELECT capacity FROM capacity_overrides")).toEqual([{ capacity: 3 }]);
    expect((await desk.post("/reservations", form({ time: "10:00", durationMin: "30" }))).status).toBe(303);
    // Only that day: the next Wednesday still takes 2.
    book(world, { date: "2025-04-09", startMinute: 600, durationMin: 30, staffId: null });
    book(world, { date: "2025-04-09", startMinute: 600, durationMin: 30, staffId: world.fx.staff.igawa.id });
    await expectRefused("/reservations", form({ date: "2025-04-09", time: "10:00", durationMin: "30" }), "time", "予約受付可能数を超えています（10:00〜10:30の枠：サロンの受付可能数は2人です）");
  });

  it("refuses a tampered capacity change", async () => {
    const tampered: Record<string, string | number>[] = [
      { date: "2025-02-30", slot: 600, "capacity-600": 3 },
      { date: "2025-04-02", slot: 615, "capacity-615": 3 },
      { date: "2025-04-02", slot: 600, "capacity-600": -1 },
      { date: "2025-04-02", slot: 600, capacity: 3 },
    ];
    for (const fields of tampered) {
      expect((await desk.post("/schedule/capacity", fields)).status).toBe(400);
    }
    expect(countOf("capacity_overrides")).toBe(0);
  });
});

describe("変更, キャンセル and メモ編集", () => {
  it("changes the time and keeps the 予約番号 and 予約受信日時", async () => {
    const r = book(world);
    world.clock.advanceMinutes(10);
    const res = await desk.post(`/reservations/${r.id}`, { ...form({ time: "14:00" }), status: "booked" });
    expect(res.status).toBe(303);
    expect(q("SELECT number, start_minute, end_minute, received_at FROM reservations")).toEqual([{ number: 1, start_minute: 840, end_minute: 960, received_at: r.receivedAt.getTime() }]);
    expect(await (await desk.get(`/reservations/${r.id}?done=changed`)).text()).toContain("予約を変更しました。");
  });

  it("refuses a change into a full slot and keeps the reservation as it was", async () => {
    const r = book(world, { startMinute: 600, durationMin: 60 });
    book(world, { startMinute: 840, durationMin: 60, staffId: world.fx.staff.igawa.id });
    book(world, { startMinute: 840, durationMin: 60, staffId: null });
    const res = await desk.post(`/reservations/${r.id}`, { ...form({ time: "14:00", durationMin: "60" }), status: "booked" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("予約受付可能数を超えています（14:00〜14:30の枠：サロンの受付可能数は2人です）");
    expect(q("SELECT start_minute FROM reservations WHERE id = ?", r.id)).toEqual([{ start_minute: 600 }]);
  });

  it("does not count the reservation being changed against itself", async () => {
    const r = book(world);
    book(world, { customerId: world.fx.customers.koga.id });
    const res = await desk.post(`/reservations/${r.id}`, { ...form({ durationMin: "150" }), status: "booked" });
    expect(res.status).toBe(303);
  });

  it("cancels after a confirm that says what happens, and frees the place", async () => {
    const r = book(world);
    book(world, { customerId: world.fx.customers.koga.id });
    const confirm = await (await desk.get(`/reservations/${r.id}/cancellation`)).text();
    expect(confirm).toContain("予約をキャンセルしますか？");
    expect(confirm).toContain("キャンセルする</button>");
    const res = await desk.post(`/reservations/${r.id}/cancellation`);
    expect(res.status).toBe(303);
    expect(q("SELECT status, cancelled_at FROM reservations WHERE id = ?", r.id)).toEqual([{ status: "cancelled", cancelled_at: world.clock.now().getTime() }]);
    expect(await (await desk.get(`/reservations/${r.id}?done=cancelled`)).text()).toContain("予約をキャンセルしました。");
    expect((await desk.post("/reservations", form({ durationMin: "30" }))).status).toBe(303);

    const again = await desk.post(`/reservations/${r.id}/cancellation`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("ステータスが「キャンセル」の予約はキャンセルできません。");
    const change = await desk.post(`/reservations/${r.id}`, { ...form(), status: "booked" });
    expect(change.status).toBe(422);
    expect(await change.text()).toContain("キャンセル済みの予約は変更できません。");
  });

  it("answers htmx in the window: the updated window and a trigger to refresh the schedule", async () => {
    const r = book(world);
    const res = await desk.post(`/reservations/${r.id}/cancellation`, {}, { "HX-Request": "true" });
    expect(res.status).toBe(200);
    expect(res.headers.get("HX-Trigger")).toBe("schedule-changed");
    const html = await res.text();
    expect(html).not.toContain("<html");
    expect(html).toContain("予約をキャンセルしました。");
  });

  it("edits the 来店時メモ", async () => {
    const r = book(world);
    expect((await desk.post(`/reservations/${r.id}/memo`, { visitMemo: "前回より短めに" })).status).toBe(303);
    expect(q("SELECT visit_memo FROM reservations")).toEqual([{ visit_memo: "前回より短めに" }]);
    const tooLong = await desk.post(`/reservations/${r.id}/memo`, { visitMemo: "あ".repeat(1001) });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain("来店時メモは1000文字以内で入力してください。");
  });

  it("marks a visit and settles it; the banner shows until 会計済", async () => {
    const r = book(world, { date: "2025-04-01", startMinute: 600 });
    expect(await (await desk.get(`/reservations/${r.id}`)).text()).toContain("この予約は来店日を迎えました。会計の登録を行ってください。");
    expect((await desk.post(`/reservations/${r.id}`, { ...form({ date: "2025-04-01", time: "10:00" }), status: "paid" })).status).toBe(303);
    expect(await (await desk.get(`/reservations/${r.id}`)).text()).not.toContain("この予約は来店日を迎えました。");
  });

  it("gives 404 for another salon's reservation, whatever the action", async () => {
    const foreign = book(world, {
      salonId: world.fx.salons.other.id,
      customerId: world.fx.customers.otherGuest.id,
      staffId: world.fx.staff.otherStylist.id,
      menuId: world.fx.menus.otherCut.id,
    });
    for (const path of ["", "/window", "/edit", "/cancellation", "/memo"]) {
      expect((await desk.get(`/reservations/${foreign.id}${path}`)).status, path).toBe(404);
    }
    for (const path of ["", "/cancellation", "/memo"]) {
      expect((await desk.post(`/reservations/${foreign.id}${path}`, { ...form(), visitMemo: "x" })).status, path).toBe(404);
    }
    expect(q("SELECT status, visit_memo FROM reservations")).toEqual([{ status: "booked", visit_memo: "" }]);
    expect((await desk.get(`/customers/${world.fx.customers.otherGuest.id}`)).status).toBe(404);
  });
});

describe("お客様 search in the form", () => {
  it("finds customers by kana typed in hiragana, by kanji and by phone with hyphens", async () => {
    for (const query of ["きくち", "ｷｸﾁ", "菊池", "03-6261", "トモアキ"]) {
      const html = await (await desk.get(`/reservations/customer-search?customerQuery=${encodeURIComponent(query)}`, { "HX-Request": "true" })).text();
      expect(html, query).toContain("菊池 知亮（キクチ トモアキ）様");
      expect(html, query).not.toContain("古賀");
    }
    const none = await (await desk.get(`/reservations/customer-search?customerQuery=${encodeURIComponent("外園")}`)).text();
    expect(none).toContain("に一致するお客様はいません。");
  });

  it("searches without JavaScript through the 検索 button, keeping what was typed and saving nothing", async () => {
    const res = await desk.post("/reservations", form({ customerId: "", customerQuery: "きくち", visitMemo: "頭皮が敏感", intent: "search-customer" }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<button type="submit" name="intent" value="search-customer" class="js-hidden">検索</button>');
    expect(html).toContain(`<input type="radio" id="customer-${world.fx.customers.kikuchi.id}" name="customerId" value="${world.fx.customers.kikuchi.id}"`);
    expect(html).toContain("頭皮が敏感");
    expect(html).not.toContain("お客様を検索して選択するか");
    expect(countOf("reservations")).toBe(0);

    const r = book(world);
    const edit = await desk.post(`/reservations/${r.id}`, { ...form({ customerQuery: "古賀" }), intent: "search-customer" });
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain("古賀");
    expect(q("SELECT customer_id FROM reservations")).toEqual([{ customer_id: world.fx.customers.kikuchi.id }]);
  });

  it("steps the 来店時刻 field by the salon's slot", async () => {
    expect(await (await desk.get("/reservations/new")).text()).toMatch(/<input id="f-time" name="time" type="time" value="" required="" step="1800"/);
  });
});

describe("予約一覧", () => {
  it("filters by date range, status, staff and 予約経路, and pages by 50", async () => {
    for (let i = 0; i < 52; i++) {
      book(world, { date: `2025-04-${String(2 + (i % 20)).padStart(2, "0")}`, startMinute: 600 + 30 * Math.floor(i / 20), durationMin: 30, staffId: i % 2 ? world.fx.staff.igawa.id : null, route: i % 3 ? "電話" : "店頭" });
    }
    const past = book(world, { date: "2025-03-30", startMinute: 600, durationMin: 30 });
    const all = await (await desk.get("/reservations")).text();
    expect(all).toContain("全52件"); // from today on by default
    expect(all).toContain("次へ »</a>");
    expect(all).not.toContain(`/reservations/${past.id}"`);
    const page2 = await (await desk.get("/reservations?from=2025-04-01&page=2")).text();
    expect(page2).toContain("« 前へ</a>");
    expect((page2.match(/<tr>/g) ?? []).length).toBe(1 + 2);

    expect(await (await desk.get("/reservations?from=2025-04-02&to=2025-04-02")).text()).toContain("全3件");
    expect(await (await desk.get(`/reservations?from=&staff=${world.fx.staff.igawa.id}`)).text()).toContain("全26件");
    expect(await (await desk.get("/reservations?from=&staff=none")).text()).toContain("全26件");
    expect(await (await desk.get("/reservations?from=&route=店頭")).text()).toContain("全18件");
    expect(await (await desk.get("/reservations?from=&status=cancelled")).text()).toContain("全0件");
    expect(await (await desk.get("/reservations?from=&status=nonsense&page=-4")).text()).toContain("全53件");
  });
});

describe("日次スケジュール", () => {
  it("shows staff columns with 受付可能数, 指名なし, facilities, and a badge spanning the reservation", async () => {
    const r = book(world);
    const html = await (await desk.get("/schedule?date=2025-04-02")).text();
    expect(html).toContain("日次スケジュール");
    expect(html).toContain("4月2日（水）");
    expect(html).toContain("2025.04.01 16:23 時点");
    expect(html).toMatch(/相田<span class="cap">受付可能数:2<\/span>/);
    expect(html).toMatch(/指名なし<span class="cap">受付可能数:-<\/span>/);
    expect(html).toMatch(/サロンブース<span class="cap">受付可能数:5<\/span>/);
    expect(html).toContain(`<td rowspan="4"><a class="badge booked" href="/reservations/${r.id}"`);
    expect(html).toContain("菊池 知亮様");
    expect(html).toContain(`href="/reservations/new?date=2025-04-02&amp;time=10%3A00&amp;staffId=${world.fx.staff.aida.id}"`);
    expect(html).toContain('<dialog id="reservation-window"');
  });

  it("gives 最新を表示 the grid alone, and the window as a fragment", async () => {
    const r = book(world);
    const grid = await (await desk.get("/schedule/grid?date=2025-04-02", { "HX-Request": "true" })).text();
    expect(grid.startsWith('<div id="schedule-grid"')).toBe(true);
    expect(grid).toContain("菊池 知亮様");
    const win = await (await desk.get(`/reservations/${r.id}/window`, { "HX-Request": "true" })).text();
    expect(win).not.toContain("<html");
    for (const label of ["詳細", "変更", "キャンセル", "メモ編集", "お客様情報"]) expect(win).toContain(`>${label}</a>`);
    for (const text of ["予約受信日時：2025/04/01 16:23", "菊池 知亮（キクチ トモアキ）様", "お客様番号：215", "<dt>クーポン・メニュー</dt>", "<dt>連携状況</dt>", "<dt>予約経路</dt><dd>電話</dd>", "<dt>来店回数</dt><dd>0回</dd>", "<dt>ステータス</dt>", "<dt>来店時メモ</dt>"]) {
      expect(win).toContain(text);
    }
  });

  it("opens today by default and survives a garbage date", async () => {
    for (const path of ["/schedule", "/schedule?date=garbage"]) {
      expect(await (await desk.get(path)).text()).toContain("4月1日（火）");
    }
  });
});

describe("ホーム", () => {
  it("lists today's reservations and counts the week", async () => {
    book(world, { date: "2025-04-01", startMinute: 600 });
    book(world, { date: "2025-04-02" });
    book(world, { date: "2025-04-02", startMinute: 840, staffId: world.fx.staff.igawa.id });
    const cancelled = book(world, { date: "2025-04-03" });
    await desk.post(`/reservations/${cancelled.id}/cancellation`);
    const html = await (await desk.get("/")).text();
    expect(html).toContain("10:00〜12:00</a>");
    expect(html).toContain("菊池 知亮 様");
    expect(html).toMatch(/date=2025-04-01">1件<\/a>.*date=2025-04-02">2件<\/a>.*date=2025-04-03">0件<\/a>/s);
  });
});
