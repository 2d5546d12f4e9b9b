import { eq } from "drizzle-orm";
import { prepared, type Db } from "../db/client";
import { salonboardConnections, type SalonboardConnection } from "../db/schema";
import type { Connector } from "./client";

/** The salon's connector when sync is on; null when it is off or not set up. */
export function connectorOf(db: Db, salonId: number): Connector | null {
  const row = prepared<{ url: string; token: string }>(db, "SELECT url, token FROM salonboard_connections WHERE salon_id = ? AND enabled = 1").get(salonId);
  return row ?? null;
}

export function findConnection(db: Db, salonId: number): SalonboardConnection | undefined {
  return db.select().from(salonboardConnections).where(eq(salonboardConnections.salonId, salonId)).get();
}

/** Salons whose sync is on: what the runner serves. */
export function connectedSalons(db: Db): number[] {
  return prepared<{ salon_id: number }>(db, "SELECT salon_id FROM salonboard_connections WHERE enabled = 1 ORDER BY salon_id").all().map((r) => r.salon_id);
}

export function connectSalon(db: Db, salonId: number, input: { url: string; token: string; enabled: boolean }): void {
  db.insert(salonboardConnections)
    .values({ salonId, ...input })
    .onConflictDoUpdate({ target: salonboardConnections.salonId, set: input })
    .run();
}
