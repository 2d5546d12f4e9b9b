// The SALON BOARD simulator's state and rules: a connector that implements
// ../shared/salonboard-api.md exactly, for the demo and the tests. SALON BOARD's own
// capacity is salon-wide per 30-minute slot, as the real one's 残り受付可能数.

export interface SimStaff {
  code: string;
  name: string;
}

export interface SimCoupon {
  code: string;
  name: string;
  content: string;
  durationMin: number;
  price: number;
}

export interface SimCustomer {
  nameKana: string;
  nameKanji: string | null;
  phone: string | null;
  email: string | null;
}

export interface SimReservation {
  reservationNo: string;
  externalId: string | null;
  startAt: string;
  durationMin: number;
  staffCode: string | null;
  coupon: { code: string; name: string; content: string } | null;
  menuName: string | null;
  customer: SimCustomer;
  route: string;
  receivedAt: string;
  note: string | null;
  status: "booked" | "cancelled";
}

export type EventType = "reservation.created" | "reservation.changed" | "reservation.cancelled";

export interface SimEvent {
  id: string;
  type: EventType;
  reservation: Omit<SimReservation, "status" | "menuName">;
}

export type Answer = { status: number; body: unknown };

export interface SimOptions {
  token: string;
  staff: SimStaff[];
  coupons: SimCoupon[];
  /** Reservations allowed per 30-minute slot, salon-wide. */
  capacity: number;
  openMinute: number;
  closeMinute: number;
  now?: () => Date;
}

const START_AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const EXTERNAL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const error = (status: number, code: string, message: string): Answer => ({ status, body: { error: { code, message } } });

/** Minutes since the epoch day of a salon-local wall-clock time, or null when not a real time. */
export function wallMinutes(startAt: unknown): number | null {
  if (typeof startAt !== "string") return null;
  const m = START_AT.exec(startAt);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return t / 60_000;
}

function jstWall(date: Date): string {
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

export class SalonBoardSim {
  readonly staff: SimStaff[];
  readonly coupons: SimCoupon[];
  private readonly reservations = new Map<string, SimReservation>();
  private readonly byExternalId = new Map<string, string>();
  private readonly events: SimEvent[] = [];
  private readonly capacityAt = new Map<string, number>();
  private nextNo = 12_345_678;
  capacity: number;
  /** The next events call answers from this cursor instead of the one asked for. */
  redeliverFrom: string | null = null;

  constructor(private readonly options: SimOptions) {
    this.staff = options.staff;
    this.coupons = options.coupons;
    this.capacity = options.capacity;
  }

  get token(): string {
    return this.options.token;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  // ------------------------------------------------------------ the contract

  putByExternalId(externalId: string, body: unknown): Answer {
    if (!EXTERNAL_ID.test(externalId)) return error(422, "INVALID", "externalIdが正しくありません");
    const input = this.readBody(body);
    if ("status" in input) return input;
    const existingNo = this.byExternalId.get(externalId);
    const existing = existingNo ? this.reservations.get(existingNo) : undefined;
    const refusal = this.refuse(input.startAt, input.durationMin, existing?.status === "booked" ? existing.reservationNo : null);
    if (refusal) return refusal;
    if (existing) {
      Object.assign(existing, input, { status: "booked" });
      this.emit("reservation.changed", existing);
      return { status: 200, body: { reservationNo: existing.reservationNo } };
    }
    const created: SimReservation = { ...input, reservationNo: this.newNo(), externalId, route: "管理画面", receivedAt: jstWall(this.now()), status: "booked" };
    this.reservations.set(created.reservationNo, created);
    this.byExternalId.set(externalId, created.reservationNo);
    this.emit("reservation.created", created);
    return { status: 201, body: { reservationNo: created.reservationNo } };
  }

  deleteByExternalId(externalId: string): Answer {
    const no = this.byExternalId.get(externalId);
    const r = no ? this.reservations.get(no) : undefined;
    if (!r || r.status === "cancelled") return error(404, "NOT_FOUND", "該当する予約がありません");
    r.status = "cancelled";
    this.emit("reservation.cancelled", r);
    return { status: 200, body: { reservationNo: r.reservationNo, status: "cancelled" } };
  }

  listEvents(after: string | null, limit: number): Answer {
    // Redelivery goes back, never forward: a cursor behind the redelivery point stays.
    const back = this.redeliverFrom;
    const from = back !== null && after !== null && Number(back) < Number(after) ? back : after;
    this.redeliverFrom = null;
    const start = from === null ? 0 : this.events.findIndex((e) => Number(e.id) > Number(from));
    const page = start < 0 ? [] : this.events.slice(start, start + limit);
    const last = page[page.length - 1];
    return { status: 200, body: { events: page, next: last ? last.id : (after ?? this.events[this.events.length - 1]?.id ?? null) } };
  }

  // ------------------------------------------------------------ SALON BOARD's own side (/_sim/)

  /** A booking made in HPB or typed into SALON BOARD by hand: no checks, SALON BOARD took it. */
  addBooking(input: Partial<SimReservation> & { couponCode?: string | null }): SimReservation {
    const coupon = input.couponCode ? this.coupons.find((c) => c.code === input.couponCode) : undefined;
    const r: SimReservation = {
      reservationNo: this.newNo(),
      externalId: input.externalId ?? null,
      startAt: input.startAt ?? jstWall(this.now()),
      durationMin: input.durationMin ?? coupon?.durationMin ?? 60,
      staffCode: input.staffCode ?? null,
      coupon: input.coupon ?? (coupon ? { code: coupon.code, name: coupon.name, content: coupon.content } : input.couponCode ? { code: input.couponCode, name: "不明なクーポン", content: "" } : null),
      menuName: null,
      customer: input.customer ?? { nameKana: "ホットペッパー ハナコ", nameKanji: "保津 花子", phone: "09000000000", email: null },
      route: input.route ?? "HPB",
      receivedAt: input.receivedAt ?? jstWall(this.now()),
      note: input.note ?? null,
      status: "booked",
    };
    this.reservations.set(r.reservationNo, r);
    this.emit("reservation.created", r);
    return r;
  }

  change(reservationNo: string, patch: Partial<SimReservation>): SimReservation | null {
    const r = this.reservations.get(reservationNo);
    if (!r || r.status === "cancelled") return null;
    Object.assign(r, patch, { reservationNo, status: "booked" });
    this.emit("reservation.changed", r);
    return r;
  }

  cancel(reservationNo: string): SimReservation | null {
    const r = this.reservations.get(reservationNo);
    if (!r || r.status === "cancelled") return null;
    r.status = "cancelled";
    this.emit("reservation.cancelled", r);
    return r;
  }

  setCapacity(capacity: number, startAt?: string): void {
    if (startAt) this.capacityAt.set(startAt, capacity);
    else this.capacity = capacity;
  }

  state() {
    return { reservations: [...this.reservations.values()], events: this.events.length, lastEventId: this.events[this.events.length - 1]?.id ?? null };
  }

  // ------------------------------------------------------------ rules

  private newNo(): string {
    return `BC${this.nextNo++}`;
  }

  private emit(type: EventType, r: SimReservation): void {
    const { status: _status, menuName: _menuName, ...reservation } = r;
    this.events.push({ id: String(this.events.length + 1), type, reservation: structuredClone(reservation) });
  }

  private readBody(body: unknown): Answer | Omit<SimReservation, "reservationNo" | "externalId" | "route" | "receivedAt" | "status"> {
    if (!body || typeof body !== "object") return error(422, "INVALID", "予約内容が正しくありません");
    const b = body as Record<string, unknown>;
    const customer = b.customer as Record<string, unknown> | undefined;
    if (wallMinutes(b.startAt) === null) return error(422, "INVALID", "来店日時が正しくありません");
    if (!Number.isInteger(b.durationMin) || (b.durationMin as number) <= 0 || (b.durationMin as number) > 24 * 60) return error(422, "INVALID", "所要時間が正しくありません");
    if (!customer || typeof customer.nameKana !== "string" || customer.nameKana.trim() === "") return error(422, "INVALID", "お客様のカナ氏名がありません");
    const staffCode = b.staffCode ?? null;
    if (staffCode !== null && !this.staff.some((s) => s.code === staffCode)) return error(422, "STAFF_NOT_FOUND", "スタッフがSALON BOARDに登録されていません");
    const couponCode = b.couponCode ?? null;
    const coupon = couponCode === null ? null : this.coupons.find((c) => c.code === couponCode);
    if (couponCode !== null && !coupon) return error(422, "COUPON_NOT_FOUND", "クーポンがSALON BOARDに登録されていません");
    if (!coupon && (typeof b.menuName !== "string" || b.menuName.trim() === "")) return error(422, "INVALID", "クーポンまたはメニューがありません");
    const str = (v: unknown) => (typeof v === "string" ? v : null);
    return {
      startAt: b.startAt as string,
      durationMin: b.durationMin as number,
      staffCode: staffCode as string | null,
      coupon: coupon ? { code: coupon.code, name: coupon.name, content: coupon.content } : null,
      menuName: str(b.menuName),
      customer: { nameKana: customer.nameKana as string, nameKanji: str(customer.nameKanji), phone: str(customer.phone), email: str(customer.email) },
      note: str(b.note),
    };
  }

  /** Business hours, then the salon-wide capacity of every 30-minute slot the reservation covers. */
  private refuse(startAt: string, durationMin: number, ignoreNo: string | null): Answer | null {
    const start = wallMinutes(startAt)!;
    const dayStart = start - (start % (24 * 60));
    if (start - dayStart < this.options.openMinute || start + durationMin - dayStart > this.options.closeMinute) {
      return error(422, "OUTSIDE_BUSINESS_HOURS", "営業時間外です");
    }
    for (let slot = start - (start % 30); slot < start + durationMin; slot += 30) {
      const key = new Date(slot * 60_000).toISOString().slice(0, 16);
      const limit = this.capacityAt.get(key) ?? this.capacity;
      let used = 0;
      for (const r of this.reservations.values()) {
        if (r.status !== "booked" || r.reservationNo === ignoreNo) continue;
        const s = wallMinutes(r.startAt)!;
        if (s < slot + 30 && s + r.durationMin > slot) used++;
      }
      if (used >= limit) return error(409, "CAPACITY_EXCEEDED", "予約受付可能数を超えています");
    }
    return null;
  }
}
