// What the figure groups of `npm run bench` share: the group type, the one local node the gas and
// grading groups measure on, and the gas meter.
import type { Account, Chain, Hash, PublicClient } from "viem";
import { localAccount } from "../../protocol/chain";
import type { Manifest } from "../../protocol/manifest";
import { chainAt, clientsFor } from "../deploy/clients";
import { freePort, stopAllServices } from "../stack/processes";
import { deployLocal, startChain } from "../stack/stack";
import { gasRows, table } from "./report";
import type { Report } from "./report";

/** A group of figures: its name (what `npm run bench -- <name>` matches) and how it measures them. */
export interface FigureGroup<Context = void> {
  name: string;
  /** Measures, and returns what to print. */
  measure(context: Context): Promise<Report>;
}

/** The shared local node: the local deployment, its deployer still holding every role. */
export interface BenchNode {
  manifest: Manifest;
  evm: Chain;
  publicClient: PublicClient;
  /** A wallet client of `account` on the node. */
  wallet: (account: Account) => ReturnType<typeof clientsFor>["walletClient"];
  /** Waits for a transaction and returns its gas, refusing a reverted one. */
  gasOf: (hash: Hash | Promise<Hash>) => Promise<bigint>;
}

/** Gas figures in print order: the operation, and the gas it used. */
export type GasFigures = [string, bigint][];

/**
 * A gas group on the shared node: `measure` sends its operations and returns their gas, printed as
 * one table titled `title`, with `note` (lines of context, such as a public anchor) under it if given.
 */
export function gasGroup(
  name: string,
  title: string,
  measure: (node: BenchNode) => Promise<GasFigures>,
  note?: string,
): FigureGroup<BenchNode> {
  return {
    name,
    async measure(node) {
      const rows = gasRows(await measure(node));
      return () => {
        table(title, rows);
        if (note !== undefined) console.log(note);
      };
    },
  };
}

/**
 * Starts one local node, deploys without handing the roles to governance, runs `groups` on it one
 * after the other (each from the state the ones before leave) and stops it; returns their reports.
 */
export async function measureOnOneNode(groups: readonly FigureGroup<BenchNode>[]): Promise<Report[]> {
  const chain = await startChain(await freePort());
  try {
    const manifest = await deployLocal(chain.rpcUrl, { seed: false, governance: false });
    const evm = await chainAt(chain.rpcUrl);
    const node: BenchNode = {
      manifest,
      evm,
      publicClient: clientsFor(evm, localAccount(0)).publicClient,
      wallet: (account) => clientsFor(evm, account).walletClient,
      gasOf: gasMeter(evm),
    };
    const reports: Report[] = [];
    for (const group of groups) reports.push(await group.measure(node));
    return reports;
  } finally {
    await stopAllServices();
  }
}

/** Waits for a transaction and returns its gas, refusing a reverted one. */
function gasMeter(evm: Chain) {
  const { publicClient } = clientsFor(evm, localAccount(0));
  return async (hash: Hash | Promise<Hash>): Promise<bigint> => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success")
      throw new Error(`benchmark transaction ${receipt.transactionHash} reverted`);
    return receipt.gasUsed;
  };
}
