import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { ErrorMessage } from "../views/errors";
import { createAuth } from "./auth";
import { csrfGuard, loadSession, requireSignedIn } from "./auth/middleware";
import type { Config } from "./config";
import type { AppEnv, Deps, SignedInEnv } from "./context";
import type { Db } from "./db/client";
import type { Clock } from "./lib/clock";
import { FragmentCache } from "./lib/fragment-cache";
import { renderPage } from "./lib/render";
import { customerRoutes } from "./routes/customers";
import { homeRoutes } from "./routes/home";
import { noticeRoutes } from "./routes/notices";
import { reservationRoutes } from "./routes/reservations";
import { scheduleRoutes } from "./routes/schedule";
import { sessionRoutes } from "./routes/sessions";
import { settingsRoutes } from "./routes/settings";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export function buildDeps(db: Db, clock: Clock, config: Config): Deps {
  return { db, clock, config, auth: createAuth(db, clock, config), fragments: new FragmentCache() };
}

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: "max-age=63072000; includeSubDomains",
      referrerPolicy: "same-origin",
    }),
  );

  // Static files are public and change only with a release; htmx carries its version in its name.
  app.use(
    "/static/*",
    async (c, next) => {
      await next();
      if (c.res.ok) c.header("Cache-Control", c.req.path.includes("htmx-") ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    },
    serveStatic({ root: projectRoot }),
  );
  app.get("/favicon.ico", (c) => c.body(null, 204));

  app.use(loadSession);
  app.use(csrfGuard);

  app.route("/", sessionRoutes);

  const signedIn = new Hono<SignedInEnv>();
  signedIn.use(requireSignedIn as never);
  signedIn.route("/", homeRoutes);
  signedIn.route("/schedule", scheduleRoutes);
  signedIn.route("/reservations", reservationRoutes);
  signedIn.route("/customers", customerRoutes);
  signedIn.route("/notices", noticeRoutes);
  signedIn.route("/settings", settingsRoutes);
  app.route("/", signedIn as never);

  app.notFound((c) => {
    if (!c.get("user")) return c.redirect("/login", 302);
    return renderPage(c, { title: "見つかりません", status: 404 }, <ErrorMessage title="ページが見つかりません" message="URLをご確認ください。" />);
  });

  app.onError((err, c) => {
    console.error(err);
    return renderPage(c, { title: "エラー", status: 500 }, <ErrorMessage title="エラーが発生しました" message="処理を完了できませんでした。時間をおいて、もう一度お試しください。" />);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
