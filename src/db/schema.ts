import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Every business row carries salon_id: one database holds several salons, and every
// query a signed-in user makes is scoped by the salon of that user.

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const salons = sqliteTable("salons", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  slotMinutes: integer("slot_minutes").notNull().default(30),
  createdAt: createdAt(),
});

/**
 * One counter per salon, raised by triggers (migration 0002) on every write to what the
 * schedule and the lists show. Rendered pages are cached against it, so a write from
 * any code path or process is seen at once.
 */
export const salonRevisions = sqliteTable("salon_revisions", {
  salonId: integer("salon_id")
    .primaryKey()
    .references(() => salons.id, { onDelete: "cascade" }),
  revision: integer("revision").notNull().default(0),
});

/** Business hours and the salon's 受付可能数 per slot, per weekday (0 = 日曜). */
export const salonHours = sqliteTable(
  "salon_hours",
  {
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    weekday: integer("weekday").notNull(),
    isOpen: integer("is_open", { mode: "boolean" }).notNull(),
    /** Minutes after midnight, salon-local time. */
    openMinute: integer("open_minute").notNull(),
    closeMinute: integer("close_minute").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.salonId, t.weekday] })],
);

export const staff = sqliteTable(
  "staff",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kana: text("kana").notNull(),
    capacity: integer("capacity").notNull(),
    displayOrder: integer("display_order").notNull().default(0),
    salonboardCode: text("salonboard_code"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index("staff_salon_idx").on(t.salonId, t.displayOrder),
    uniqueIndex("staff_salonboard_code_uq").on(t.salonId, t.salonboardCode),
  ],
);

export const facilities = sqliteTable(
  "facilities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    capacity: integer("capacity").notNull(),
    displayOrder: integer("display_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("facilities_salon_idx").on(t.salonId, t.displayOrder)],
);

export const menus = sqliteTable(
  "menus",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    content: text("content").notNull().default(""),
    durationMin: integer("duration_min").notNull(),
    price: integer("price").notNull(),
    salonboardCode: text("salonboard_code"),
    displayOrder: integer("display_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index("menus_salon_idx").on(t.salonId, t.displayOrder),
    uniqueIndex("menus_salonboard_code_uq").on(t.salonId, t.salonboardCode),
  ],
);

export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    monthlyPrice: integer("monthly_price").notNull(),
    displayOrder: integer("display_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("plans_salon_idx").on(t.salonId, t.displayOrder)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    // Login ids are unique across salons: the sign-in form asks for no salon.
    loginId: text("login_id").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["admin", "staff"] }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("users_salon_idx").on(t.salonId)],
);

/** Sessions are stored under the SHA-256 of their token: a leaked table signs no one in. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    loginId: text("login_id").notNull(),
    ip: text("ip").notNull(),
    failedAt: integer("failed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("login_failures_key_idx").on(t.loginId, t.ip, t.failedAt)],
);

export const GENDERS = ["female", "male", "other", "unanswered"] as const;
export const REGISTRATION_ROUTES = ["管理画面", "HPB", "web", "電話", "店頭"] as const;

export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    /** お客様番号: per salon, assigned in order, never reused. */
    customerNo: integer("customer_no").notNull(),
    lastName: text("last_name"),
    firstName: text("first_name"),
    lastNameKana: text("last_name_kana").notNull(),
    firstNameKana: text("first_name_kana").notNull().default(""),
    /** Digits only; shown with hyphens. */
    phone: text("phone"),
    email: text("email"),
    /** YYYY-MM-DD */
    birthday: text("birthday"),
    gender: text("gender", { enum: GENDERS }).notNull().default("unanswered"),
    occupation: text("occupation"),
    address: text("address"),
    memo: text("memo"),
    caution: integer("caution", { mode: "boolean" }).notNull().default(false),
    noShowCount: integer("no_show_count").notNull().default(0),
    registrationRoute: text("registration_route", { enum: REGISTRATION_ROUTES }).notNull(),
    createdAt: createdAt(),
    /** 来店情報, kept by triggers on reservations (migration 0004) from visits that happened. */
    visitCount: integer("visit_count").notNull().default(0),
    firstVisitDate: text("first_visit_date"),
    lastVisitDate: text("last_visit_date"),
  },
  (t) => [
    uniqueIndex("customers_salon_no_uq").on(t.salonId, t.customerNo),
    index("customers_salon_kana_idx").on(t.salonId, t.lastNameKana, t.firstNameKana),
    index("customers_salon_phone_idx").on(t.salonId, t.phone),
    index("customers_salon_name_idx").on(t.salonId, t.lastName, t.firstName),
    index("customers_salon_email_idx").on(t.salonId, t.email),
    index("customers_salon_birthday_idx").on(t.salonId, t.birthday),
    index("customers_salon_gender_idx").on(t.salonId, t.gender, t.customerNo),
    index("customers_salon_occupation_idx").on(t.salonId, t.occupation, t.customerNo),
    index("customers_salon_route_idx").on(t.salonId, t.registrationRoute, t.customerNo),
    index("customers_salon_last_visit_idx").on(t.salonId, t.lastVisitDate),
    index("customers_salon_visits_idx").on(t.salonId, t.visitCount),
    index("customers_salon_caution_idx").on(t.salonId, t.caution, t.customerNo),
  ],
);

export const CONTRACT_STATUSES = ["active", "cancelled", "payment_failed"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** 定額プラン contracts: 契約中, 解約 or 決済失敗. They outlive a deleted customer, without the person. */
export const planContracts = sqliteTable(
  "plan_contracts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    customerId: integer("customer_id").references(() => customers.id, { onDelete: "set null" }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    status: text("status", { enum: CONTRACT_STATUSES }).notNull(),
    /** YYYY-MM-DD */
    startedOn: text("started_on").notNull(),
    endedOn: text("ended_on"),
  },
  (t) => [index("plan_contracts_customer_idx").on(t.customerId, t.status), index("plan_contracts_salon_idx").on(t.salonId, t.status)],
);

/** Who deleted customers, when, how many and why: internal numbers only, never names, phones or emails. */
export const customerDeletions = sqliteTable("customer_deletions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  salonId: integer("salon_id")
    .notNull()
    .references(() => salons.id, { onDelete: "cascade" }),
  deletedAt: integer("deleted_at", { mode: "timestamp_ms" }).notNull(),
  deletedBy: integer("deleted_by").references(() => users.id, { onDelete: "set null" }),
  /** 一括削除 (bulk) or 個別削除 (individual). */
  reason: text("reason", { enum: ["bulk", "individual"] }).notNull(),
  count: integer("count").notNull(),
  /** JSON array of お客様番号. */
  customerNos: text("customer_nos").notNull(),
  cancelledReservations: integer("cancelled_reservations").notNull().default(0),
  endedContracts: integer("ended_contracts").notNull().default(0),
});

/** The salon's 受付可能数 for one slot of one day, set from the schedule's 受付可能数 column. */
export const capacityOverrides = sqliteTable(
  "capacity_overrides",
  {
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD, salon-local. */
    date: text("date").notNull(),
    /** Minutes after midnight of the slot's start. */
    slotMinute: integer("slot_minute").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.salonId, t.date, t.slotMinute] })],
);

/** 仮登録, 受付待ち, 来店, 会計済, キャンセル, 無断キャンセル */
export const RESERVATION_STATUSES = ["provisional", "booked", "visited", "paid", "cancelled", "no_show"] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
export const RESERVATION_ROUTES = ["電話", "店頭", "管理画面", "web", "HPB"] as const;
/** 連携状況: pending = 送信待ち, ok = 成功, failed = 失敗(reason). Null: nothing to sync. */
export const SYNC_STATES = ["pending", "ok", "failed"] as const;
export type SyncState = (typeof SYNC_STATES)[number];
export type ReservationRoute = (typeof RESERVATION_ROUTES)[number];

export const reservations = sqliteTable(
  "reservations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    /** 予約番号 shown to staff: per salon, in order. SALON BOARD's own number is kept apart. */
    number: integer("number").notNull(),
    customerId: integer("customer_id").references(() => customers.id, { onDelete: "set null" }),
    staffId: integer("staff_id").references(() => staff.id),
    facilityId: integer("facility_id").references(() => facilities.id),
    menuId: integer("menu_id").references(() => menus.id),
    /** The menu's name and content when booked: what was sold stays readable if the menu changes. */
    menuName: text("menu_name").notNull().default(""),
    menuContent: text("menu_content").notNull().default(""),
    /** YYYY-MM-DD, salon-local. */
    date: text("date").notNull(),
    /** Minutes after midnight, salon-local; end = start + duration. */
    startMinute: integer("start_minute").notNull(),
    durationMin: integer("duration_min").notNull(),
    endMinute: integer("end_minute").notNull(),
    status: text("status", { enum: RESERVATION_STATUSES }).notNull(),
    route: text("route", { enum: RESERVATION_ROUTES }).notNull(),
    visitMemo: text("visit_memo").notNull().default(""),
    /** 予約受信日時 */
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    /** "salonboard": it came from SALON BOARD and is never pushed back. */
    origin: text("origin", { enum: ["app", "salonboard"] }).notNull().default("app"),
    /** SALON BOARD's 予約番号 (BC...): unique per salon, so a reservation is never imported twice. */
    salonboardNo: text("salonboard_no"),
    syncState: text("sync_state", { enum: SYNC_STATES }),
    /** The reason SALON BOARD gave, shown as 失敗(reason). */
    syncError: text("sync_error"),
    /** What SALON BOARD sent for a 仮登録, kept whole for the transcription form. */
    salonboardPayload: text("salonboard_payload"),
    /** 予約転記済チェック: staff copied it into SALON BOARD by hand. */
    transcribedAt: integer("transcribed_at", { mode: "timestamp_ms" }),
    transcribedBy: integer("transcribed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("reservations_salon_number_uq").on(t.salonId, t.number),
    uniqueIndex("reservations_salonboard_no_uq").on(t.salonId, t.salonboardNo),
    index("reservations_sync_idx").on(t.salonId, t.syncState),
    index("reservations_salon_date_idx").on(t.salonId, t.date, t.startMinute),
    index("reservations_customer_idx").on(t.customerId, t.date),
    index("reservations_staff_idx").on(t.staffId, t.date),
    index("reservations_facility_idx").on(t.facilityId, t.date),
    index("reservations_menu_idx").on(t.menuId),
    index("reservations_salon_received_idx").on(t.salonId, t.receivedAt),
  ],
);

export type Salon = typeof salons.$inferSelect;
export type SalonHours = typeof salonHours.$inferSelect;
export type Staff = typeof staff.$inferSelect;
export type Facility = typeof facilities.$inferSelect;
export type Menu = typeof menus.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type User = typeof users.$inferSelect;
export type Role = User["role"];
export type Customer = typeof customers.$inferSelect;
export type Reservation = typeof reservations.$inferSelect;

/** One SALON BOARD connector per salon (../shared/salonboard-api.md), and its health. */
export const salonboardConnections = sqliteTable("salonboard_connections", {
  salonId: integer("salon_id")
    .primaryKey()
    .references(() => salons.id, { onDelete: "cascade" }),
  url: text("url").notNull(),
  token: text("token").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  /** The events cursor: moved only in the transaction that applied the events. */
  cursor: text("cursor"),
  lastPushAt: integer("last_push_at", { mode: "timestamp_ms" }),
  lastPullAt: integer("last_pull_at", { mode: "timestamp_ms" }),
  lastError: text("last_error"),
  lastErrorAt: integer("last_error_at", { mode: "timestamp_ms" }),
});

/**
 * A reservation that must be sent to SALON BOARD. The entry names the reservation only:
 * what is sent is its state at sending time (PUT, or DELETE once cancelled), so changes
 * are never reordered and a resend after a crash sends the same thing again.
 */
export const syncOutbox = sqliteTable(
  "sync_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    reservationId: integer("reservation_id")
      .notNull()
      .references(() => reservations.id, { onDelete: "cascade" }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
  },
  (t) => [index("sync_outbox_due_idx").on(t.nextAttemptAt), index("sync_outbox_reservation_idx").on(t.reservationId, t.id)],
);

/** Inbound events already applied: delivery is at least once. */
export const syncInboundEvents = sqliteTable(
  "sync_inbound_events",
  {
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    appliedAt: integer("applied_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.salonId, t.eventId] })],
);

export const NOTICE_DIRECTIONS = ["outbound", "inbound"] as const;
export type NoticeDirection = (typeof NOTICE_DIRECTIONS)[number];
/** How a notice was resolved: by staff (the first three) or by the sync itself. */
export const NOTICE_RESOLUTIONS = ["transcribed", "checked", "registered", "resent", "cancelled", "linked"] as const;
export type NoticeResolution = (typeof NOTICE_RESOLUTIONS)[number];

/** お知らせ: one per failed sync, alerting until it is resolved. */
export const notices = sqliteTable(
  "notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    salonId: integer("salon_id")
      .notNull()
      .references(() => salons.id, { onDelete: "cascade" }),
    direction: text("direction", { enum: NOTICE_DIRECTIONS }).notNull(),
    reservationId: integer("reservation_id").references(() => reservations.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    /** As shown in the message: 予約番号 and 予約日時 (YYYY-MM-DD HH:mm). */
    reservationNo: text("reservation_no").notNull(),
    reservationAt: text("reservation_at").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: integer("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolution: text("resolution", { enum: NOTICE_RESOLUTIONS }),
  },
  (t) => [index("notices_salon_idx").on(t.salonId, t.resolvedAt, t.createdAt), index("notices_reservation_idx").on(t.reservationId)],
);

export type SalonboardConnection = typeof salonboardConnections.$inferSelect;
export type Notice = typeof notices.$inferSelect;
