import type { Session, User } from "lucia";
import type { Auth } from "./auth";
import type { Config } from "./config";
import type { Db } from "./db/client";
import type { Clock } from "./lib/clock";
import type { FragmentCache } from "./lib/fragment-cache";

/** What the app is built from; tests build it with a fresh database and a fake clock. */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  auth: Auth;
  /** Rendered schedule grids and list pages, checked against the salon's revision. */
  fragments: FragmentCache;
}

export type CurrentUser = User;

export interface AppEnv {
  Variables: {
    deps: Deps;
    user: User | null;
    session: Session | null;
  };
}

/** Variables set once the visitor is known to be signed in. */
export interface SignedInEnv {
  Variables: AppEnv["Variables"] & { user: User; session: Session };
}
