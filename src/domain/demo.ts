import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { customers, facilities, menus, plans, staff, type ReservationRoute, type ReservationStatus, type Salon } from "../db/schema";
import type { Clock } from "../lib/clock";
import { addDays, jstDate } from "../lib/jst";
import { salonDay } from "./capacity";
import { OCCUPATIONS } from "./customer-list";
import { saveReservation } from "./reservations";
import { createSalon } from "./salons";

// デモサロン: what `npm start` shows on a new database, so a new user sees a working
// salon at once. Random choices come from a seeded generator: every start looks alike.

const SURNAMES: [string, string][] = [
  ["佐藤", "サトウ"], ["鈴木", "スズキ"], ["高橋", "タカハシ"], ["田中", "タナカ"], ["伊藤", "イトウ"],
  ["渡辺", "ワタナベ"], ["山本", "ヤマモト"], ["中村", "ナカムラ"], ["小林", "コバヤシ"], ["加藤", "カトウ"],
  ["吉田", "ヨシダ"], ["山田", "ヤマダ"], ["佐々木", "ササキ"], ["山口", "ヤマグチ"], ["松本", "マツモト"],
  ["井上", "イノウエ"], ["木村", "キムラ"], ["林", "ハヤシ"], ["斎藤", "サイトウ"], ["清水", "シミズ"],
  ["山崎", "ヤマザキ"], ["森", "モリ"], ["池田", "イケダ"], ["橋本", "ハシモト"], ["阿部", "アベ"],
  ["石川", "イシカワ"], ["山下", "ヤマシタ"], ["中島", "ナカジマ"], ["石井", "イシイ"], ["小川", "オガワ"],
  ["前田", "マエダ"], ["岡田", "オカダ"], ["長谷川", "ハセガワ"], ["藤田", "フジタ"], ["後藤", "ゴトウ"],
  ["近藤", "コンドウ"], ["村上", "ムラカミ"], ["遠藤", "エンドウ"], ["青木", "アオキ"], ["坂本", "サカモト"],
  ["菊池", "キクチ"], ["福田", "フクダ"], ["太田", "オオタ"], ["西村", "ニシムラ"], ["藤井", "フジイ"],
];

const FEMALE_NAMES: [string, string][] = [
  ["陽子", "ヨウコ"], ["美咲", "ミサキ"], ["結衣", "ユイ"], ["さくら", "サクラ"], ["彩", "アヤ"],
  ["真由美", "マユミ"], ["恵", "メグミ"], ["愛", "アイ"], ["由美子", "ユミコ"], ["千尋", "チヒロ"],
  ["明美", "アケミ"], ["奈々", "ナナ"], ["優子", "ユウコ"], ["麻衣", "マイ"], ["香織", "カオリ"],
  ["智子", "トモコ"], ["舞", "マイ"], ["葵", "アオイ"], ["陽菜", "ヒナ"], ["京子", "キョウコ"],
];

const MALE_NAMES: [string, string][] = [
  ["翔太", "ショウタ"], ["大輔", "ダイスケ"], ["健一", "ケンイチ"], ["拓也", "タクヤ"], ["直樹", "ナオキ"],
  ["誠", "マコト"], ["隆", "タカシ"], ["蓮", "レン"], ["悠真", "ユウマ"], ["和也", "カズヤ"],
  ["知亮", "トモアキ"], ["浩二", "コウジ"], ["修", "オサム"], ["亮", "リョウ"], ["大翔", "ヒロト"],
];

const ROUTES = ["管理画面", "HPB", "HPB", "HPB", "web", "電話", "店頭"] as const;

export const DEMO_COUPON_CONTENT =
  "◇シャンプー・ブロー込◇全体染め◇白髪染めへの変更可◇ロング料金なし※スーパーロング（胸下〜）の方のみ追加料金+1100";

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedDemoSalon(db: Db, clock: Clock, options: { customers?: number } = {}): Salon {
  const random = mulberry32(20250402);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");

  const salon = createSalon(db, { name: "デモサロン", openMinute: 600, closeMinute: 1200, capacity: 2, slotMinutes: 30 });
  db.transaction((tx) => {
    const team: [string, string][] = [["相田", "アイダ"], ["井川", "イガワ"], ["内田", "ウチダ"], ["奥田", "オクダ"], ["神田", "カンダ"]];
    tx.insert(staff)
      .values(
        team.map(([name, kana], i) => ({
          salonId: salon.id,
          name,
          kana,
          capacity: 2,
          displayOrder: i + 1,
          salonboardCode: `S00${i + 1}`,
        })),
      )
      .run();
    tx.insert(facilities).values({ salonId: salon.id, name: "サロンブース", capacity: 5, displayOrder: 1 }).run();
    tx.insert(menus)
      .values([
        { name: "カット", content: "◇シャンプー・ブロー込", durationMin: 60, price: 4400 },
        { name: "カット+カラー", content: "◇シャンプー・ブロー込◇全体染め", durationMin: 90, price: 8800 },
        { name: "カット+カラー+超音波トリートメント", content: DEMO_COUPON_CONTENT, durationMin: 120, price: 13200 },
        { name: "カット+パーマ", content: "◇シャンプー・ブロー込◇デジタルパーマは+2200", durationMin: 120, price: 11000 },
        { name: "リタッチカラー", content: "◇根元2cmまで", durationMin: 60, price: 5500 },
        { name: "ヘッドスパ", content: "◇炭酸泉◇肩のマッサージ付き", durationMin: 30, price: 3300 },
      ].map((m, i) => ({ ...m, salonId: salon.id, displayOrder: i + 1, salonboardCode: `C00${i + 1}` })))
      .run();
    tx.insert(plans)
      .values([
        { name: "カット通い放題", monthlyPrice: 9800 },
        { name: "トリートメント定額", monthlyPrice: 5500 },
        { name: "ヘッドスパ定額", monthlyPrice: 6600 },
      ].map((p, i) => ({ ...p, salonId: salon.id, displayOrder: i + 1 })))
      .run();

    const count = options.customers ?? 200;
    const rows = Array.from({ length: count }, (_, i) => {
      const female = random() < 0.7;
      const [lastName, lastNameKana] = pick(SURNAMES);
      const [firstName, firstNameKana] = pick(female ? FEMALE_NAMES : MALE_NAMES);
      const year = 1955 + Math.floor(random() * 50);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const hasBirthday = random() < 0.8;
      return {
        salonId: salon.id,
        customerNo: i + 1,
        lastName,
        firstName,
        lastNameKana,
        firstNameKana,
        phone: random() < 0.9 ? `${pick(["090", "080", "070"])}${digits(8)}` : `03${digits(8)}`,
        email: random() < 0.4 ? `guest${String(i + 1).padStart(3, "0")}@example.jp` : null,
        birthday: hasBirthday ? `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` : null,
        gender: random() < 0.05 ? ("unanswered" as const) : female ? ("female" as const) : ("male" as const),
        occupation: pick(OCCUPATIONS),
        caution: random() < 0.03,
        registrationRoute: pick(ROUTES),
      };
    });
    for (let i = 0; i < rows.length; i += 100) tx.insert(customers).values(rows.slice(i, i + 100)).run();
  });
  seedDemoWeek(db, clock, salon.id, random);
  return salon;
}

/**
 * A realistic week around today: past days visited and paid (a no-show now and then),
 * today under way, the coming days booked. Each goes through the same capacity rules as
 * any booking, so a full slot is simply skipped.
 */
function seedDemoWeek(db: Db, clock: Clock, salonId: number, random: () => number): void {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const team = db.select().from(staff).where(eq(staff.salonId, salonId)).orderBy(asc(staff.displayOrder)).all();
  const booth = db.select().from(facilities).where(eq(facilities.salonId, salonId)).get();
  const menuRows = db.select().from(menus).where(eq(menus.salonId, salonId)).all();
  const people = db.select({ id: customers.id }).from(customers).where(eq(customers.salonId, salonId)).all();
  const now = clock();
  const today = jstDate(now);
  const nowMinute = (now.getTime() / 60000 + 9 * 60) % 1440;
  const routes: ReservationRoute[] = ["HPB", "HPB", "HPB", "電話", "電話", "店頭", "web", "管理画面"];

  for (let offset = -3; offset <= 6; offset++) {
    const date = addDays(today, offset);
    const day = salonDay(db, salonId, date);
    if (!day.isOpen) continue;
    const wanted = 10 + Math.floor(random() * 8);
    for (let i = 0; i < wanted; i++) {
      const menu = pick(menuRows);
      const latest = day.slots.filter((s) => s + menu.durationMin <= day.closeMinute);
      const start = pick(latest);
      const stylist = random() < 0.2 ? null : pick(team);
      const past = offset < 0 || (offset === 0 && start + menu.durationMin <= nowMinute);
      const status: ReservationStatus = !past ? "booked" : random() < 0.05 ? "no_show" : random() < 0.85 ? "paid" : "visited";
      saveReservation(
        db,
        clock,
        salonId,
        {
          customerId: pick(people).id,
          newCustomer: null,
          staffId: stylist?.id ?? null,
          facilityId: menu.name.includes("ヘッドスパ") && booth ? booth.id : null,
          menuId: menu.id,
          menuName: menu.name,
          menuContent: menu.content,
          date,
          startMinute: start,
          durationMin: menu.durationMin,
          route: pick(routes),
          status,
          visitMemo: random() < 0.15 ? pick(["前回より短めに", "頭皮が敏感", "お子様連れ", "駐車場利用"]) : "",
        },
        null,
      );
    }
  }
}
