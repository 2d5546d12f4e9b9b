// A separate process with its own SQLite connection, booking when told to: used to race
// several writers for the last free place (see tests/routes/concurrency.test.ts).
import { openDatabase } from "../../src/db/client";
import { saveReservation } from "../../src/domain/reservations";

const [path, salonId, customerId, menuId] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number, number];
const db = openDatabase(path);
process.send?.({ ready: true });
process.on("message", () => {
  try {
    const result = saveReservation(db, () => new Date(), salonId, {
      customerId,
      newCustomer: null,
      staffId: null,
      facilityId: null,
      menuId,
      menuName: "カット",
      menuContent: "",
      date: "2025-04-02",
      startMinute: 600,
      durationMin: 60,
      route: "web",
      status: "booked",
      visitMemo: "",
    }, null);
    process.send?.(result.ok ? { ok: true } : { ok: false, message: result.errors.time });
  } catch (error) {
    process.send?.({ ok: false, crashed: String(error) });
  }
  db.$client.close();
  process.exit(0);
});
