import type { Context } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Layout, type NavKey } from "../../views/layout";
import type { AppEnv, SignedInEnv } from "../context";

/** Pages render for anyone (AppEnv) or for a signed-in user (SignedInEnv). */
export type PageContext = Context<AppEnv> | Context<SignedInEnv>;

export function isHtmx(c: Context): boolean {
  return c.req.header("HX-Request") === "true" && c.req.header("HX-Boosted") !== "true";
}

export interface PageProps {
  title: string;
  nav?: NavKey;
  status?: ContentfulStatusCode;
}

/** A whole page in the layout, for the signed-in user (or the sign-in page). */
export function renderPage(context: PageContext, props: PageProps, content: Child) {
  const c = context as Context<AppEnv>;
  const { config } = c.get("deps");
  return c.html(
    html`<!DOCTYPE html>${(
      <Layout
      appName={config.appName}
      title={props.title}
      user={c.get("user")}
      csrfToken={c.get("session")?.csrfToken ?? null}
      nav={props.nav}
    >
        {content}
      </Layout>
    )}`,
    props.status ?? 200,
  );
}

/** An htmx request gets the partial alone; a normal request the whole page around it. */
export function renderPartialOrPage(c: PageContext, props: PageProps, partial: Child, page: () => Child) {
  if (isHtmx(c)) return c.html(<>{partial}</>, props.status ?? 200);
  return renderPage(c, props, page());
}
