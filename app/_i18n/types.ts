import type { Locale } from "./config";
import type accounts from "./messages/en/accounts.json";
import type citadel from "./messages/en/citadel.json";
import type common from "./messages/en/common.json";
import type credentials from "./messages/en/credentials.json";
import type dao from "./messages/en/dao.json";
import type errors from "./messages/en/errors.json";
import type home from "./messages/en/home.json";
import type jobs from "./messages/en/jobs.json";
import type learn from "./messages/en/learn.json";
import type me from "./messages/en/me.json";
import type nav from "./messages/en/nav.json";
import type offline from "./messages/en/offline.json";
import type verify from "./messages/en/verify.json";
import type wallet from "./messages/en/wallet.json";

/** The catalog's shape, from English (the reference every other locale must match). */
export interface Messages {
  accounts: typeof accounts;
  citadel: typeof citadel;
  common: typeof common;
  credentials: typeof credentials;
  dao: typeof dao;
  errors: typeof errors;
  home: typeof home;
  jobs: typeof jobs;
  learn: typeof learn;
  me: typeof me;
  nav: typeof nav;
  offline: typeof offline;
  verify: typeof verify;
  wallet: typeof wallet;
}

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
