import { Hono } from "hono";
import { HomePage } from "../../views/home/index";
import type { SignedInEnv } from "../context";
import { todaysReservations, weeklyCounts } from "../domain/agenda";
import { getSalonSettings, salonRevision } from "../domain/salons";
import { formatAsOf, jstDate } from "../lib/jst";
import { openNoticeCounts } from "../domain/notices";
import { noticeEtag } from "./notices";
import { CachedFragment, renderPageAround, renderToString } from "../lib/render";

export const homeRoutes = new Hono<SignedInEnv>().get("/", (c) => {
  const { db, clock, config } = c.get("deps");
  const salonId = c.get("user").salonId;
  const now = clock();
  // Rendered again when the salon's data or the minute (its 時点) changed.
  const home = {
    key: `home:${salonId}`,
    stamp: `${salonRevision(db, salonId)}|${formatAsOf(now)}`,
    render: () => {
      const today = jstDate(now);
      const { salon } = getSalonSettings(db, salonId);
      const counts = openNoticeCounts(db, salonId);
      const notices = { counts, appName: config.appName, etag: noticeEtag(counts), pollSeconds: config.noticePollSeconds };
      return renderToString(<HomePage now={now} salonName={salon.name} today={todaysReservations(db, salonId, today)} week={weeklyCounts(db, salonId, today)} notices={notices} />);
    },
  };
  return renderPageAround(c, { title: "ホーム", nav: "home" }, <CachedFragment />, home);
});
