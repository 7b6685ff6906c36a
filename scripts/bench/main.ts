// npm run bench [-- <name>…] — gas of each user operation (AZR, mining next to stock OpenZeppelin
// parts, the marketplace next to a public anchor, governance), grading latency, the app's
// first-load JS, the indexer's backfill, query latency and freshness, and the servers' load
// figures (autocannon at 10 and 100 clients), with the machine. Figures
// are printed, never asserted: timing and size goals live here, not in tests.
// One file per figure group; names pick groups (`npm run bench -- gas` runs the groups whose name
// contains "gas").
import { binOf, runToCompletion } from "../stack/processes";
import { appGroup } from "./app";
import { azrGasGroup } from "./gas-azr";
import { governanceGasGroup } from "./gas-governance";
import { marketplaceGasGroup } from "./gas-marketplace";
import { miningGasGroup } from "./gas-mining";
import { gradingGroup } from "./grading";
import { indexerGroup } from "./indexer";
import { loadGroup } from "./load";
import { machine } from "./report";
import { measureOnOneNode } from "./setup";
import type { BenchNode, FigureGroup } from "./setup";

/**
 * Measured on one local node, in this order, each from the state the ones before leave: a group
 * picked by name runs the groups before it as well (their figures are not printed).
 */
const ON_ONE_NODE: FigureGroup<BenchNode>[] = [
  azrGasGroup,
  miningGasGroup,
  gradingGroup,
  marketplaceGasGroup,
  governanceGasGroup,
];

/** Measured each on its own, after the node's groups. */
const ON_THEIR_OWN: FigureGroup[] = [appGroup, indexerGroup, loadGroup];

const names = process.argv.slice(2);
const picked = ({ name }: { name: string }) => names.length === 0 || names.some((n) => name.includes(n));

console.log(`Azora benchmark — ${new Date().toISOString()}\nMachine: ${machine()}`);
await runToCompletion("build", binOf("hardhat"), ["build", "--quiet"]);
const onNode = ON_ONE_NODE.slice(0, ON_ONE_NODE.findLastIndex(picked) + 1);
const reports = onNode.length > 0 ? await measureOnOneNode(onNode) : [];
for (const [i, report] of reports.entries()) if (picked(onNode[i]!)) report();
for (const group of ON_THEIR_OWN.filter(picked)) (await group.measure())();
