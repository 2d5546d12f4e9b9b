import { eq } from "drizzle-orm";
import { buildDeps, createApp, type App } from "../src/app";
import { hashToken } from "../src/auth/lucia";
import { hashPassword } from "../src/auth/passwords";
import { loadConfig, type Config } from "../src/config";
import { openDatabase, type Db } from "../src/db/client";
import { customers, facilities, menus, plans, sessions, staff, users, type Customer, type Facility, type Menu, type Plan, type Reservation, type Salon, type Staff, type User } from "../src/db/schema";
import { saveReservation, type ReservationInput } from "../src/domain/reservations";
import { createSalon } from "../src/domain/salons";

export const PASSWORD = "correct-horse-battery";
export const ORIGIN = "http://localhost";
let passwordHash: Promise<string> | null = null;

/** A clock that stands still until a test moves it. Starts at 2025-04-01 16:23 JST. */
export class FakeClock {
  private t: number;
  constructor(iso = "2025-04-01T16:23:00+09:00") {
    this.t = new Date(iso).getTime();
  }
  readonly now = () => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(min: number): void {
    this.advance(min * 60_000);
  }
}

export interface Fixtures {
  salons: { demo: Salon; other: Salon };
  users: { admin: User; staff: User; otherAdmin: User };
  staff: { aida: Staff; igawa: Staff; otherStylist: Staff };
  facilities: { booth: Facility; otherBooth: Facility };
  menus: { cutColorTreatment: Menu; otherCut: Menu };
  plans: { unlimitedCut: Plan; otherPlan: Plan };
  customers: { kikuchi: Customer; koga: Customer; otherGuest: Customer };
}

function seedFixtures(db: Db, hash: string): Fixtures {
  const demo = createSalon(db, { name: "デモサロン", capacity: 2 });
  const other = createSalon(db, { name: "よそのサロン", capacity: 3 });
  const user = (salonId: number, loginId: string, role: "admin" | "staff", displayName: string) =>
    db.insert(users).values({ salonId, loginId, displayName, role, passwordHash: hash }).returning().get();
  const stylist = (salonId: number, name: string, kana: string, code: string, order: number) =>
    db.insert(staff).values({ salonId, name, kana, capacity: 2, displayOrder: order, salonboardCode: code }).returning().get();
  const facility = (salonId: number, name: string) => db.insert(facilities).values({ salonId, name, capacity: 5 }).returning().get();
  const menu = (salonId: number, name: string, code: string) =>
    db.insert(menus).values({ salonId, name, content: "◇シャンプー・ブロー込", durationMin: 120, price: 13200, salonboardCode: code }).returning().get();
  const plan = (salonId: number, name: string) => db.insert(plans).values({ salonId, name, monthlyPrice: 9800 }).returning().get();
  const customer = (salonId: number, no: number, c: Partial<Customer> & { lastNameKana: string }) =>
    db.insert(customers).values({ salonId, customerNo: no, registrationRoute: "管理画面", ...c }).returning().get();
  return {
    customers: {
      kikuchi: customer(demo.id, 215, { lastName: "菊池", firstName: "知亮", lastNameKana: "キクチ", firstNameKana: "トモアキ", phone: "0362612528", gender: "male" }),
      koga: customer(demo.id, 135, { lastName: "古賀", firstName: "花子", lastNameKana: "コガ", firstNameKana: "ハナコ", phone: "09012345678", gender: "female" }),
      otherGuest: customer(other.id, 1, { lastName: "外園", firstName: "太郎", lastNameKana: "ホカゾノ", firstNameKana: "タロウ", phone: "08011112222" }),
    },
    salons: { demo, other },
    users: {
      admin: user(demo.id, "admin", "admin", "店長"),
      staff: user(demo.id, "frontdesk", "staff", "受付"),
      otherAdmin: user(other.id, "other-admin", "admin", "よその店長"),
    },
    staff: {
      aida: stylist(demo.id, "相田", "アイダ", "S001", 1),
      igawa: stylist(demo.id, "井川", "イガワ", "S002", 2),
      otherStylist: stylist(other.id, "外山", "トヤマ", "S001", 1),
    },
    facilities: { booth: facility(demo.id, "サロンブース"), otherBooth: facility(other.id, "よそのブース") },
    menus: {
      cutColorTreatment: menu(demo.id, "カット+カラー+超音波トリートメント", "C001"),
      otherCut: menu(other.id, "よそのカット", "C001"),
    },
    plans: { unlimitedCut: plan(demo.id, "カット通い放題"), otherPlan: plan(other.id, "よそのプラン") },
  };
}

export interface TestWorld {
  app: App;
  db: Db;
  clock: FakeClock;
  config: Config;
  fx: Fixtures;
  /** A browser-like client that keeps its cookie; signed in when loginId is given. */
  browser(loginId?: string, ip?: string): Promise<TestBrowser>;
}

/** A freshly migrated database (in memory unless a file is given) with the named fixtures, a fake clock and the app. */
export async function setupWorld(env: Record<string, string> = {}, databasePath = ":memory:"): Promise<TestWorld> {
  passwordHash ??= hashPassword(PASSWORD);
  const db = openDatabase(databasePath);
  const clock = new FakeClock();
  const config = loadConfig({ SEED_DEMO: "0", ...env });
  const app = createApp(buildDeps(db, clock.now, config));
  const fx = seedFixtures(db, await passwordHash);
  return {
    app,
    db,
    clock,
    config,
    fx,
    async browser(loginId?: string, ip = "192.0.2.10") {
      const b = new TestBrowser(app, db, ip);
      if (loginId) {
        const res = await b.login(loginId, PASSWORD);
        if (res.status !== 303) throw new Error(`could not sign in as ${loginId}: ${res.status}`);
      }
      return b;
    },
  };
}

type Fields = Record<string, string | number | boolean>;

/** The 新規予約 form as the front desk fills it: 菊池様 with 相田, 2025-04-02 11:00, by phone. */
export function reservationFields(world: TestWorld, over: Record<string, string | number> = {}): Record<string, string | number> {
  return {
    customerId: world.fx.customers.kikuchi.id,
    staffId: world.fx.staff.aida.id,
    facilityId: "",
    menuId: world.fx.menus.cutColorTreatment.id,
    date: "2025-04-02",
    time: "11:00",
    durationMin: "",
    route: "電話",
    visitMemo: "",
    ...over,
  };
}

/** Books straight through the domain (capacity rules included), for arranging a test. */
export function book(world: TestWorld, over: Partial<ReservationInput> & { salonId?: number } = {}): Reservation {
  const { salonId = world.fx.salons.demo.id, ...input } = over;
  const result = saveReservation(
    world.db,
    world.clock.now,
    salonId,
    {
      customerId: world.fx.customers.kikuchi.id,
      newCustomer: null,
      staffId: world.fx.staff.aida.id,
      facilityId: null,
      menuId: world.fx.menus.cutColorTreatment.id,
      menuName: "カット+カラー+超音波トリートメント",
      menuContent: "◇シャンプー・ブロー込",
      date: "2025-04-02",
      startMinute: 11 * 60,
      durationMin: 120,
      route: "電話",
      status: "booked",
      visitMemo: "",
      ...input,
    },
    null,
  );
  if (!result.ok) throw new Error(`could not book: ${JSON.stringify(result.errors)}`);
  return result.reservation;
}

export class TestBrowser {
  token: string | null = null;
  constructor(
    private readonly app: App,
    private readonly db: Db,
    readonly ip: string,
  ) {}

  private env() {
    return { incoming: { socket: { remoteAddress: this.ip } } };
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token && !headers.has("Cookie")) headers.set("Cookie", `tsunagu_session=${this.token}`);
    const res = await this.app.request(`${ORIGIN}${path}`, { ...init, headers, redirect: "manual" }, this.env());
    for (const cookie of res.headers.getSetCookie()) {
      const m = /^tsunagu_session=([^;]*)/.exec(cookie);
      if (m) this.token = m[1] ? decodeURIComponent(m[1]) : null;
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** The CSRF token of this browser's session, as its pages carry it. */
  csrfToken(): string {
    if (!this.token) return "";
    const row = this.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(this.token))).get();
    return row?.csrfToken ?? "";
  }

  /** Submits a form from our own origin, with the CSRF token as a real page would. */
  post(path: string, fields: Fields = {}, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    body.set("_csrf", this.csrfToken());
    for (const [k, v] of Object.entries(fields)) body.set(k, typeof v === "boolean" ? (v ? "1" : "") : String(v));
    return this.request(path, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...headers },
    });
  }

  login(loginId: string, password: string): Promise<Response> {
    return this.post("/login", { loginId, password });
  }
}

export async function text(res: Response): Promise<string> {
  return await res.text();
}
