import { Hono } from "hono";
import { HomePage } from "../../views/home/index";
import type { SignedInEnv } from "../context";
import { todaysReservations, weeklyCounts } from "../domain/agenda";
import { getSalonSettings, salonRevision } from "../domain/salons";
import { formatAsOf, jstDate } from "../lib/jst";
import { syncAlert, syncAlertEtag } from "../domain/notices";
import { CachedFragment, renderPageAround, renderToString } from "../lib/render";

export const homeRoutes = new Hono<SignedInEnv>().get("/", (c) => {
  const { db, clock, config } = c.get("deps");
  const salonId = c.get("user").salonId;
  const now = clock();
  // Rendered again when the salon's data, the minute (its 時点) or the sync alert changed.
  const alert = syncAlert(db, salonId, now);
  const home = {
    key: `home:${salonId}`,
    stamp: `${salonRevision(db, salonId)}|${formatAsOf(now)}|${syncAlertEtag(alert)}`,
    render: () => {
      const today = jstDate(now);
      const { salon } = getSalonSettings(db, salonId);
      const notices = { alert, appName: config.appName, etag: syncAlertEtag(alert), pollSeconds: config.noticePollSeconds };
      return renderToString(<HomePage now={now} salonName={salon.name} today={todaysReservations(db, salonId, today)} week={weeklyCounts(db, salonId, today)} notices={notices} />);
    },
  };
  return renderPageAround(c, { title: "ホーム", nav: "home" }, <CachedFragment />, home);
});
