import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect } from "chai";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { localAccount, localPrivateKey } from "../../protocol/chain";
import { REPO_ROOT } from "../../scripts/stack/paths";

const TSX = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const withoutAzoraKeys = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^AZORA_(VERIFIER|RELAYER)_KEY$/.test(name)),
) as NodeJS.ProcessEnv;

/**
 * Runs `serverKey(role, chainId)` of server/keys.ts in a fresh Node, as a server does: with the
 * `react-server` condition (which makes `server-only` importable) unless `asClient`.
 */
function serverKeyIn(env: Record<string, string>, role: string, chainId: number, asClient = false) {
  const code = `import("./server/keys.ts").then(({ serverKey }) => console.log(serverKey(${JSON.stringify(role)}, ${chainId}).account.address))`;
  const result = spawnSync(
    process.execPath,
    [TSX, ...(asClient ? [] : ["--conditions=react-server"]), "-e", code],
    {
      cwd: REPO_ROOT,
      env: { ...withoutAzoraKeys, ...env },
      encoding: "utf8",
    },
  );
  return { status: result.status, out: result.stdout.trim(), err: result.stderr };
}

describe("server › keys only from the environment, server side only", function () {
  it("defaults to local accounts #8 and #9 on the local chain, with a warning", function () {
    const verifier = serverKeyIn({}, "verifier", 31337);
    expect(verifier.out).to.equal(localAccount(8).address);
    expect(verifier.err).to.match(
      /WARNING: AZORA_VERIFIER_KEY is not set: the verifier uses local account #8/,
    );
    expect(serverKeyIn({}, "relayer", 31337).out).to.equal(localAccount(9).address);
  });

  it("uses the key from the environment", function () {
    const key = generatePrivateKey();
    const run = serverKeyIn({ AZORA_RELAYER_KEY: key }, "relayer", 8453);
    expect(run.out).to.equal(privateKeyToAccount(key).address);
    expect(run.err).to.not.match(/WARNING/);
  });

  it("refuses, on any other chain, a missing key or a key of the public development mnemonic", function () {
    const missing = serverKeyIn({}, "verifier", 8453);
    expect(missing.status).to.not.equal(0);
    expect(missing.err).to.include("AZORA_VERIFIER_KEY is not set: chain 8453 is not the local chain");
    const publicKey = localPrivateKey(9);
    const local = serverKeyIn({ AZORA_RELAYER_KEY: publicKey }, "relayer", 8453);
    expect(local.status).to.not.equal(0);
    expect(local.err).to.include("AZORA_RELAYER_KEY is a key of the public development mnemonic");
    const malformed = serverKeyIn({ AZORA_VERIFIER_KEY: "0x1234" }, "verifier", 31337);
    expect(malformed.err).to.include("AZORA_VERIFIER_KEY must be 0x followed by 64 hex digits");
  });

  it("cannot be imported outside the server (the server-only marker)", function () {
    const client = serverKeyIn({}, "verifier", 31337, true);
    expect(client.status).to.not.equal(0);
    expect(client.err).to.include("cannot be imported from a Client Component");
  });
});
