// npm run course:publish -- <folder> [--verifier-public-key 0x04…]: checks a course folder,
// encrypts its answer key for the verifier, adds the package to the content store and prints
// its CID; on the local chain it also registers the course (after the handover, by a DAO proposal
// that the demo accounts pass at once).
import { getContract, isHex, parseEventLogs } from "viem";
import type { Hex } from "viem";
import { publicKeyToAddress } from "viem/accounts";
import { FormatError } from "../../content/formats/common";
import { chainAt, clientsFor, deployerAccount } from "../deploy/clients";
import { rpcUrlFromEnv, LOCAL_CHAIN_ID, LOCAL_VERIFIER_INDEX, localVerifier } from "../../protocol/chain";
import { openDemoContentStore, publishCourse, publishProposalText } from "../seed/courses";
import { enactLocally } from "../seed/local-governance";
import { contractOf } from "../../protocol/manifest";
import { readManifest } from "../deploy/manifest";
import { LOCAL_VERIFIER_LIMIT, registerCourse, registerCourseArgs } from "../seed/learning";

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
      `${chain ? `Chain ${chain.id} is not the local chain` : "No chain answers at RPC_URL"}, so the course is published but not registered. ` +
        `To register it, add { "title": ${JSON.stringify(course.title)}, "contentCid": "${course.contentCid}", "verifier": "${verifier}", "rewardAzr", "minScorePercent", "validityDays" } ` +
        'to "bootstrap.courses" of your deploy config and run npm run bootstrap -- --config <file> with BOOTSTRAP_CURATOR_KEY ' +
        "while a bootstrap curator's term runs; after it, propose registerCourse to the DAO (docs/deploying.md)",
    );
    return;
  }
  if (!process.env.RPC_URL)
    console.error(`RPC_URL is not set: registering on the local chain at ${rpcUrlFromEnv()}`);
  const manifest = await readManifest(chain.id);
  const { publicClient, walletClient } = clientsFor(chain, deployerAccount(chain));
  const pokAt = contractOf(manifest, "ProofOfKnowledge");
  const pok = getContract({ ...pokAt, client: walletClient });
  const [limit] = await pok.read.verifierStatus([verifier]);
  const curator = await pok.read.hasRole([await pok.read.CURATOR_ROLE(), walletClient.account.address]);
  if (curator) {
    // Before the handover (a deployment made with `governance: false`): the deployer curates.
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
    return;
  }

  // Governance curates: the course is registered by a DAO proposal, passed at once on the local chain.
  const target = { ...pokAt, target: pokAt.address };
  const calls = [
    ...(limit === 0
      ? [{ ...target, functionName: "setVerifierLimit", args: [verifier, LOCAL_VERIFIER_LIMIT] }]
      : []),
    { ...target, functionName: "registerCourse", args: registerCourseArgs(course, verifier) },
  ];
  const { proposal, receipt } = await enactLocally(
    manifest,
    { publicClient, like: walletClient },
    {
      title: `Register the course "${course.slug}"`,
      body: `Registers the course package \`${course.contentCid}\`, verified by \`${verifier}\`${limit === 0 ? ", and lets that verifier sign claims" : ""}.`,
    },
    calls,
    publishProposalText,
  );
  const [registered] = parseEventLogs({ abi: pokAt.abi, logs: receipt.logs, eventName: "CourseRegistered" });
  if (!registered) throw new Error(`proposal ${proposal.id} was executed but registered no course`);
  console.error(
    `Registered on chain ${chain.id} as course ${registered.args.courseId}, by DAO proposal ${proposal.id} ` +
      "(local chain: proposed, voted for, queued and executed at once by the demo accounts)",
  );
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
