import { Hono } from "hono";
import { HomePage } from "../../views/home/index";
import type { SignedInEnv } from "../context";
import { getSalonSettings } from "../domain/salons";
import { jstDate } from "../lib/jst";
import { renderPage } from "../lib/render";

export const homeRoutes = new Hono<SignedInEnv>().get("/", (c) => {
  const { db, clock } = c.get("deps");
  const now = clock();
  const { salon } = getSalonSettings(db, c.get("user").salonId);
  return renderPage(c, { title: "ホーム", nav: "home" }, <HomePage now={now} today={jstDate(now)} salonName={salon.name} />);
});
