import type { Context } from "hono";
import { raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { joinBytes, Rendered } from "./fragment-cache";
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

/** The page's HTML: the content in the layout, for the signed-in user (or the sign-in page). */
function pageHtml(context: PageContext, props: PageProps, content: Child): string {
  const c = context as Context<AppEnv>;
  const { config } = c.get("deps");
  const layout = (
    <Layout
      appName={config.appName}
      title={props.title}
      user={c.get("user")}
      csrfToken={c.get("session")?.csrfToken ?? null}
      nav={props.nav}
    >
      {content}
    </Layout>
  );
  return `<!DOCTYPE html>${renderToString(layout)}`;
}

/** A whole page in the layout. */
export function renderPage(c: PageContext, props: PageProps, content: Child) {
  return c.html(pageHtml(c, props, content), props.status ?? 200);
}

/** Renders JSX made of synchronous components (all of ours are) to its HTML text. */
export function renderToString(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  const text: unknown = node.toString();
  if (typeof text !== "string") throw new Error("renderToString: an asynchronous component was rendered");
  return text;
}

const FRAGMENT_MARK = "<!--cached-fragment-->";

/** Where a page rendered by renderPageAround takes its cached fragment. */
export const CachedFragment = () => raw(FRAGMENT_MARK);

/** A fragment shared by everyone of a salon, and how to render it when its stamp changed. */
export interface Fragment {
  key: string;
  stamp: string;
  render: () => string;
}

/** The fragment, rendered again only when its stamp changed. */
function cachedFragment(c: PageContext, fragment: Fragment): Rendered {
  return (c as Context<AppEnv>).get("deps").fragments.get(fragment.key, fragment.stamp, fragment.render);
}

/**
 * A page whose large part is a cached fragment (see FragmentCache), around it the layout
 * and what belongs to this session. The joined page is kept per session: the shell is a
 * pure function of `shellProps` (what the content was built from), the page props, the
 * signed-in user and the product name, so a terminal that reloads gets the page without
 * rendering or copying anything.
 */
export function renderPageAround(context: PageContext, props: PageProps, content: Child, fragment: Fragment, shellProps: unknown = null) {
  const c = context as Context<AppEnv>;
  const { fragments, config } = c.get("deps");
  const join = () => {
    const shared = cachedFragment(c, fragment).bytes;
    const shell = pageHtml(c, props, content);
    const at = shell.indexOf(FRAGMENT_MARK);
    if (at < 0) throw new Error("renderPageAround: the content has no <CachedFragment />");
    return joinBytes(shell.slice(0, at), shared, shell.slice(at + FRAGMENT_MARK.length));
  };
  const session = c.get("session");
  if (!session) return sendRendered(c, new Rendered(join()), props.status ?? 200);
  const stamp = `${fragment.stamp}|${JSON.stringify([shellProps, props, c.get("user"), config.appName])}`;
  return sendRendered(c, fragments.getBytes(`${fragment.key}|${session.csrfToken}`, stamp, join), props.status ?? 200);
}

/** Sends gzipped bytes to every browser that accepts them (all do), plain ones otherwise. */
function sendRendered(c: PageContext, rendered: Rendered, status: ContentfulStatusCode) {
  const gzip = /\bgzip\b/.test(c.req.header("Accept-Encoding") ?? "");
  const headers: Record<string, string> = { "Content-Type": "text/html; charset=UTF-8", Vary: "Accept-Encoding" };
  if (gzip) headers["Content-Encoding"] = "gzip";
  return c.body(gzip ? rendered.gzip : rendered.bytes, status, headers);
}

/** A cached fragment alone: what htmx swaps in. */
export function sendFragment(c: PageContext, fragment: Fragment, status: ContentfulStatusCode = 200) {
  return sendRendered(c, cachedFragment(c, fragment), status);
}

/** An htmx request gets the partial alone; a normal request the whole page around it. */
export function renderPartialOrPage(c: PageContext, props: PageProps, partial: Child, page: () => Child) {
  if (isHtmx(c)) return c.html(<>{partial}</>, props.status ?? 200);
  return renderPage(c, props, page());
}
