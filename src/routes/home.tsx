import { Hono } from "hono";
import { HomePage } from "../../views/home/index";
import type { SignedInEnv } from "../context";
import { todaysReservations, weeklyCounts } from "../domain/agenda";
import { getSalonSettings } from "../domain/salons";
import { jstDate } from "../lib/jst";
import { renderPage } from "../lib/render";

export const homeRoutes = new Hono<SignedInEnv>().get("/", (c) => {
  const { db, clock } = c.get("deps");
  const salonId = c.get("user").salonId;
  const now = clock();
  const today = jstDate(now);
  const { salon } = getSalonSettings(db, salonId);
  const page = <HomePage now={now} salonName={salon.name} today={todaysReservations(db, salonId, today)} week={weeklyCounts(db, salonId, today)} />;
  return renderPage(c, { title: "ホーム", nav: "home" }, page);
});
