// npm run course:publish -- <folder> [--verifier-public-key 0x04…]: checks a course folder,
// encrypts its answer key for the verifier, adds the package to the content store and prints
// its CID; on the local chain it also registers the course.
import { getContract, isHex } from "viem";
import type { Hex } from "viem";
import { publicKeyToAddress } from "viem/accounts";
import { FormatError } from "../content/formats/common.js";
import { chainAt, clientsFor, deployerAccount, rpcUrlFromEnv } from "./lib/clients.js";
import { openDemoContentStore, publishCourse } from "./lib/courses.js";
import { LOCAL_CHAIN_ID, LOCAL_VERIFIER_INDEX, localVerifier } from "./lib/local-accounts.js";
import { contractOf, readManifest } from "./lib/manifest.js";
import { LOCAL_VERIFIER_LIMIT, registerCourse } from "./lib/seed.js";

const USAGE = `Usage: npm run course:publish -- <course folder> [--verifier-public-key 0x04…]

The folder holds course.json, its lessons and images, and answers.json (the answer key, which is
encrypted for the verifier into the package's answers.enc and never published in the clear).
The verifier's secp256k1 public key comes from --verifier-public-key or AZORA_VERIFIER_PUBLIC_KEY;
on the local chain it defaults to local account #${LOCAL_VERIFIER_INDEX}'s. On the local chain (RPC_URL,
default http://127.0.0.1:8545) the course is also registered, verified by that key's address.`;

function parseArgs(args: string[]): { folder: string; publicKey?: string } {
  const rest = [...args];
  let publicKey = process.env.AZORA_VERIFIER_PUBLIC_KEY;
  const flag = rest.indexOf("--verifier-public-key");
  if (flag >= 0) {
    publicKey = rest[flag + 1];
    if (!publicKey) throw new Error("--verifier-public-key needs a value");
    rest.splice(flag, 2);
  }
  const [folder, ...extra] = rest;
  if (!folder || extra.length > 0 || folder.startsWith("-"))
    throw new Error("give exactly one course folder");
  return { folder, publicKey };
}

async function main(args: string[]) {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const { folder, publicKey } = parseArgs(args);
  const chain = await chainAt(rpcUrlFromEnv()).catch(() => undefined);
  const local = chain?.id === LOCAL_CHAIN_ID;
  let verifierPublicKey: Hex;
  if (publicKey) {
    if (!isHex(publicKey)) throw new Error("the verifier public key must be 0x-prefixed hex");
    verifierPublicKey = publicKey;
  } else if (local) {
    verifierPublicKey = localVerifier().publicKey;
    console.warn(
      `WARNING: no verifier public key given: encrypting for local account #${LOCAL_VERIFIER_INDEX} (local chain only)`,
    );
  } else {
    throw new Error("give the verifier's public key (--verifier-public-key or AZORA_VERIFIER_PUBLIC_KEY)");
  }

  const store = await openDemoContentStore();
  let course;
  try {
    course = await publishCourse(store, folder, verifierPublicKey);
  } finally {
    await store.close();
  }
  const verifier = publicKeyToAddress(verifierPublicKey);
  console.log(course.contentCid);
  console.error(`Published ${course.slug}: answer key encrypted for verifier ${verifier}`);

  if (!chain || !local) {
    console.error(
      "Not on the local chain: a curator registers it with registerCourse(cid, reward, verifier, minScore, validity)",
    );
    return;
  }
  const manifest = await readManifest(chain.id);
  const { publicClient, walletClient } = clientsFor(chain, deployerAccount(chain));
  const pok = getContract({ ...contractOf(manifest, "ProofOfKnowledge"), client: walletClient });
  const [limit] = await pok.read.verifierStatus([verifier]);
  if (limit === 0) {
    await publicClient.waitForTransactionReceipt({
      hash: await pok.write.setVerifierLimit([verifier, LOCAL_VERIFIER_LIMIT]),
    });
  }
  const registered = await registerCourse(
    manifest,
    { publicClient, deployer: walletClient },
    course,
    verifier,
  );
  console.error(`Registered on chain ${chain.id} as course ${registered.courseId}`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(
    error instanceof FormatError
      ? `The course is not valid:\n  ${error.issues.join("\n  ")}`
      : String(error instanceof Error ? error.message : error),
  );
  console.error(`\n${USAGE}`);
  process.exit(1);
}
