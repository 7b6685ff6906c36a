/** Accounts the app names instead of showing a bare address (client-safe types). */
export type KnownRole = "deployer" | "arbiter" | "verifier" | "relayer";
export type KnownAccount =
  { kind: "contract"; name: string } | { kind: "person"; name: string } | { kind: "role"; role: KnownRole };
/** Keyed by lowercase address. */
export type KnownAccounts = Record<string, KnownAccount>;
