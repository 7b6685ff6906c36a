import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  encodeFunctionData,
  formatEther,
  getAddress,
  isAddressEqual,
  keccak256,
  concat,
  parseEventLogs,
  parseSignature,
  recoverTypedDataAddress,
} from "viem";
import type {
  Abi,
  Account,
  Address,
  Chain,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionParameters,
  EncodeFunctionDataParameters,
  Hash,
  Hex,
  SimulateContractParameters,
  TransactionReceipt,
  Transport,
  WalletClient,
} from "viem";
import { z } from "zod";
import { clientOf, RateLimiter } from "../content/rate-limit";
import type { RateLimit } from "../content/rate-limit";
import type { Contract } from "../protocol/manifest";
import { BALLOT_TYPES, DELEGATION_TYPES, azrDomain, governorDomain } from "../protocol/eip712";
import {
  ServiceError,
  addressField,
  ecdsaSignatureField,
  jsonEndpoint,
  signatureField,
  tooMany,
  uintField,
} from "./http";
import type { ServiceOptions } from "./state-file";
import { proposalStateName } from "../protocol/proposals";

export interface RelayerLimits {
  /** Gas the relayer spends for one address (the learner, the delegator) per UTC day. */
  gasPerAddressPerDay: bigint;
  /** Gas the relayer spends for everyone together per UTC day (addresses are free: this bounds a farm of them). */
  gasPerDay: bigint;
  /** Below this balance (wei) the relayer refuses everything, with a clear message. */
  minBalance: bigint;
  /** Relay requests per client (IP address), whoever they are for. */
  perClient: RateLimit;
}

export const DEFAULT_RELAYER_LIMITS: RelayerLimits = {
  gasPerAddressPerDay: 1_000_000n,
  gasPerDay: 50_000_000n,
  minBalance: 10n ** 16n,
  perClient: { burst: 20, perMinute: 10 },
};

/** What survives a restart. */
export interface RelayerState {
  /** Gas spent per UTC day and address: `"<yyyy-mm-dd> <address>"` → gas (a decimal string); `"<yyyy-mm-dd> *"` for everyone. */
  gas: Record<string, string>;
  /**
   * Transactions signed and not yet seen mined, by the digest of their call (target and data):
   * written before the transaction is broadcast, so a request for the same call after a restart
   * waits for that transaction instead of paying for a second one.
   */
  pending: Record<string, { hash: Hash; raw: Hex; at: number }>;
}

export const emptyRelayerState = (): RelayerState => ({ gas: {}, pending: {} });

/** The key of everyone's spending in `RelayerState.gas`. */
const EVERYONE = "*";

export interface RelayerOptions extends ServiceOptions<RelayerState, RelayerLimits> {
  wallet: WalletClient<Transport, Chain, Account>;
  proofOfKnowledge: Contract<"ProofOfKnowledge">;
  token: Contract<"AzoraToken">;
  governor: Contract<"AzoraGovernor">;
  /** Every ABI whose custom errors a relayed call can revert with (the manifest's contracts). */
  errorAbis: readonly Abi[];
}

export interface RelayResult {
  hash: Hash;
  gasUsed: string;
  /** Gas left today for the address this was relayed for. */
  gasLeftToday: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the relayer may call: state-changing functions. */
type Writable = "nonpayable" | "payable";

const claimRequest = z
  .object({
    completion: z
      .object({
        learner: addressField,
        courseId: uintField,
        score: z.number().int().min(0).max(10_000),
        deadline: uintField,
      })
      .strict(),
    signature: signatureField,
  })
  .strict();

const delegateRequest = z
  .object({
    delegator: addressField,
    delegatee: addressField,
    nonce: uintField,
    expiry: uintField,
    signature: ecdsaSignatureField,
  })
  .strict();

const voteRequest = z
  .object({
    proposalId: uintField,
    /** 0 against, 1 for, 2 abstain (GovernorCountingSimple). */
    support: z.number().int().min(0).max(2),
    voter: addressField,
    signature: signatureField,
  })
  .strict();

/** What a custom error means for the person asking, and the HTTP status to answer with. */
const EXPLAIN: Record<string, (args: readonly unknown[]) => [401 | 404 | 409 | 503, string]> = {
  ProofOfKnowledgeCourseInactive: ([id]) => [409, `course ${id} is inactive: it takes no claims`],
  ProofOfKnowledgeCourseNotFound: ([id]) => [404, `there is no course ${id}`],
  ProofOfKnowledgeVoucherExpired: ([deadline, now]) => [
    409,
    `the voucher expired at ${deadline} (chain time ${now}): ask the grader for a new one`,
  ],
  ProofOfKnowledgeInvalidScore: ([score]) => [409, `score ${score} is not 0–10000 basis points`],
  ProofOfKnowledgeScoreTooLow: ([id, score, min]) => [
    409,
    `score ${score} is below course ${id}'s pass mark ${min}`,
  ],
  ProofOfKnowledgeInvalidSignature: ([id, verifier]) => [
    401,
    `bad signature: the voucher is not signed by course ${id}'s verifier ${verifier} for this learner, score and deadline`,
  ],
  ProofOfKnowledgeClaimsPaused: () => [503, "claims are paused by a guardian until governance resumes them"],
  ProofOfKnowledgeVerifierDisabled: ([verifier]) => [
    409,
    `the verifier ${verifier} is disabled: its vouchers are refused`,
  ],
  ProofOfKnowledgeVerifierLimitReached: ([verifier, epoch, limit]) => [
    409,
    `the verifier ${verifier} has signed its ${limit} claims of epoch ${epoch}: submit again next epoch`,
  ],
  ProofOfKnowledgeEpochBudgetExceeded: ([epoch, remaining, needed, next]) => [
    409,
    `epoch ${epoch}'s mining budget has ${formatEther(remaining as bigint)} AZR left and the course pays ${formatEther(needed as bigint)}: submit again after ${new Date(Number(next) * 1000).toISOString()}`,
  ],
  AzoraCredentialAlreadyIssued: ([learner, id]) => [
    409,
    `already claimed: ${learner} has claimed course ${id}`,
  ],
  ERC20ExceededCap: () => [409, "AZR's cap is reached: nothing more can be mined"],
  ERC5805ExpiredSignature: ([expiry]) => [401, `bad signature: the delegation expired at ${expiry}`],
  InvalidAccountNonce: ([account, nonce]) => [
    409,
    `the delegation's nonce is not ${account}'s current nonce ${nonce}: it was used already, sign a new one`,
  ],
  GovernorNonexistentProposal: ([id]) => [404, `there is no proposal ${id}`],
  GovernorUnexpectedProposalState: ([id, state]) => [
    409,
    `proposal ${id} is not open for voting (it is ${proposalStateName(Number(state))})`,
  ],
  GovernorAlreadyCastVote: ([voter]) => [409, `${voter} has already voted on this proposal`],
  GovernorInvalidSignature: ([voter]) => [401, `bad signature: it is not ${voter}'s ballot`],
};

/**
 * The relayer: submits claims, signed delegations and signed votes for people with no ETH. Each
 * route checks the client's request rate before reading anything; each call is simulated first
 * and refused with the contract's reason if it would revert, and refused if it would change
 * nothing (a ballot with no votes, a delegation of no AZR); the gas it spends per address and
 * UTC day, and for everyone per UTC day, is bounded; it refuses everything while its balance is
 * low; a transaction is recorded before it is broadcast, so a restart never pays twice for one call.
 */
export function createRelayer(options: RelayerOptions) {
  const limits = { ...DEFAULT_RELAYER_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const { publicClient, wallet, proofOfKnowledge, token, governor } = options;
  const clients = new RateLimiter(limits.perClient);
  let sending: Promise<unknown> = Promise.resolve();

  function explainRevert(error: unknown): never {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    const raw = reverted instanceof ContractFunctionRevertedError ? reverted.raw : undefined;
    if (!raw) throw error;
    let decoded: { errorName: string; args?: readonly unknown[] };
    try {
      decoded = decodeErrorResult({ abi: options.errorAbis.flat(), data: raw });
    } catch {
      throw new ServiceError(409, `the call would revert (${raw.slice(0, 10)})`);
    }
    const explain = EXPLAIN[decoded.errorName];
    if (!explain) {
      throw new ServiceError(
        409,
        `the call would revert with ${decoded.errorName}(${(decoded.args ?? []).join(", ")})`,
      );
    }
    const [status, message] = explain(decoded.args ?? []);
    throw new ServiceError(status, message);
  }

  /** The chain the signatures are checked for (their EIP-712 domains name it). */
  const chainId = async () => publicClient.chain?.id ?? (await publicClient.getChainId());

  const dayKey = (address: Address | typeof EVERYONE) =>
    `${new Date(now()).toISOString().slice(0, 10)} ${address}`;
  const untilTomorrow = () => (DAY_MS - (now() % DAY_MS)) / 1000;

  /**
   * Adds `gas` (may be negative) to `payer`'s and everyone's spending today, refusing to pass
   * either budget when `check`: the payer's with 429, everyone's with 503 (both until midnight UTC).
   */
  const spend = (payer: Address, gas: bigint, check: boolean) =>
    options.state.update((state) => {
      const today = new Date(now()).toISOString().slice(0, 10);
      for (const key of Object.keys(state.gas)) if (!key.startsWith(today)) delete state.gas[key];
      const key = dayKey(payer);
      const spent = BigInt(state.gas[key] ?? "0");
      const everyoneKey = dayKey(EVERYONE);
      const everyone = BigInt(state.gas[everyoneKey] ?? "0");
      if (check && everyone + gas > limits.gasPerDay) {
        throw tooMany(
          `the relayer's budget for today is spent (${everyone} of ${limits.gasPerDay} gas used, this needs ${gas}): submit the transaction from your own wallet, or ask again after midnight UTC`,
          untilTomorrow(),
          503,
        );
      }
      if (check && spent + gas > limits.gasPerAddressPerDay) {
        throw tooMany(
          `the relay budget of ${payer} is spent for today (${spent} of ${limits.gasPerAddressPerDay} gas used, this needs ${gas})`,
          untilTomorrow(),
        );
      }
      state.gas[key] = String(spent + gas);
      state.gas[everyoneKey] = String(everyone + gas);
      return limits.gasPerAddressPerDay - spent - gas;
    });

  /** The cheap limit of every route, before its body is read: requests per client. */
  function limitClient(request: Request): void {
    const wait = clients.take(clientOf(request), now());
    if (wait > 0) throw tooMany("too many relay requests from this client", wait);
  }

  /** Signs and broadcasts `call`, recording it as pending first; one at a time (the nonce). */
  function send(digest: string, call: { to: Address; data: Hex }, gas: bigint): Promise<Hash> {
    const sent = sending
      .catch(() => undefined)
      .then(async () => {
        const nonce = await publicClient.getTransactionCount({
          address: wallet.account.address,
          blockTag: "pending",
        });
        const prepared = await wallet.prepareTransactionRequest({ ...call, gas, nonce });
        const raw = await wallet.signTransaction(prepared);
        const hash = keccak256(raw);
        await options.state.update((state) => {
          state.pending[digest] = { hash, raw, at: now() };
        });
        await wallet.sendRawTransaction({ serializedTransaction: raw });
        return hash;
      });
    sending = sent;
    return sent;
  }

  /** Forgets a pending transaction once it is mined (or known never to be). */
  const settle = (digest: string) =>
    options.state.update((state) => {
      delete state.pending[digest];
      for (const [key, { at }] of Object.entries(state.pending))
        if (at < now() - DAY_MS) delete state.pending[key];
    });

  /**
   * The transaction already sent for this call before a restart, if any: its receipt once mined
   * (broadcast again if the node lost it), or `undefined` when there is none (or it can never be
   * mined: its nonce went to another transaction).
   */
  async function alreadySent(digest: string): Promise<TransactionReceipt | undefined> {
    const pending = await options.state.update((state) => state.pending[digest]);
    if (!pending) return undefined;
    const known = await publicClient.getTransaction({ hash: pending.hash }).catch(() => undefined);
    if (!known) {
      const rebroadcast = await publicClient
        .sendRawTransaction({ serializedTransaction: pending.raw })
        .catch(() => undefined);
      if (!rebroadcast) {
        await settle(digest);
        return undefined;
      }
    }
    const receipt = await publicClient.waitForTransactionReceipt({ hash: pending.hash, timeout: 120_000 });
    await settle(digest);
    return receipt;
  }

  /**
   * The one path of every relayed contract call, paid for `payer` (the client's rate was checked
   * before the body was read): a call already sent before a restart is awaited, not sent again;
   * then the balance check, the simulation (a revert refused with its reason), the effect check
   * (nothing is paid for a call that changes nothing), the budgets against the estimated gas, then
   * the transaction.
   */
  async function relay<
    const abi extends Abi,
    functionName extends ContractFunctionName<abi, Writable>,
    args extends ContractFunctionArgs<abi, Writable, functionName>,
  >(
    payer: Address,
    contractCall: ContractFunctionParameters<abi, Writable, functionName, args>,
    effect: () => Promise<void> = async () => undefined,
  ) {
    // The call sites are checked against the ABI (ContractFunctionParameters); viem's encode and
    // simulate types cannot follow these generics, hence the two casts to their wide forms.
    const call = {
      to: contractCall.address,
      data: encodeFunctionData(contractCall as EncodeFunctionDataParameters),
    };
    const digest = keccak256(concat([call.to, call.data]));
    const earlier = await alreadySent(digest);
    if (earlier) return finish(payer, earlier, 0n);
    const balance = await publicClient.getBalance({ address: wallet.account.address });
    if (balance < limits.minBalance) {
      console.warn(
        `relayer ${wallet.account.address} is low: ${formatEther(balance)} ETH (refusing below ${formatEther(limits.minBalance)})`,
      );
      throw new ServiceError(
        503,
        `the relayer is low on funds (${formatEther(balance)} ETH): it relays nothing until it is topped up; you can submit the transaction from your own wallet`,
      );
    }
    await publicClient
      .simulateContract({ ...(contractCall as SimulateContractParameters), account: wallet.account })
      .catch(explainRevert);
    await effect();
    const gas = await publicClient.estimateGas({ ...call, account: wallet.account }).catch(explainRevert);
    await spend(payer, gas, true);
    let hash: Hash;
    try {
      hash = await send(digest, call, gas);
    } catch (error) {
      await settle(digest);
      await spend(payer, -gas, false);
      throw error;
    }
    const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 120_000 });
    await settle(digest);
    return finish(payer, receipt, gas);
  }

  /** The answer for a mined relayed transaction; its real gas replaces the estimate `charged`. */
  async function finish(payer: Address, receipt: TransactionReceipt, charged: bigint) {
    const gasLeft = await spend(payer, charged === 0n ? 0n : receipt.gasUsed - charged, false);
    if (receipt.status !== "success")
      throw new ServiceError(409, `the transaction ${receipt.transactionHash} reverted on chain`);
    return {
      receipt,
      result: {
        hash: receipt.transactionHash,
        gasUsed: receipt.gasUsed.toString(),
        gasLeftToday: gasLeft.toString(),
      },
    };
  }

  async function claim(body: z.infer<typeof claimRequest>) {
    const completion = { ...body.completion, learner: getAddress(body.completion.learner) };
    const { receipt, result } = await relay(completion.learner, {
      ...proofOfKnowledge,
      functionName: "claim",
      args: [completion, body.signature as Hex],
    });
    const [claimed] = parseEventLogs({ abi: proofOfKnowledge.abi, logs: receipt.logs, eventName: "Claimed" });
    return {
      ...result,
      credentialId: claimed?.args.credentialId.toString(),
      learnerShare: claimed?.args.learnerShare.toString(),
    };
  }

  async function delegate(body: z.infer<typeof delegateRequest>) {
    const delegator = getAddress(body.delegator);
    const delegatee = getAddress(body.delegatee);
    const signature = body.signature as Hex;
    const message = { delegatee, nonce: body.nonce, expiry: body.expiry };
    const signer = await recoverTypedDataAddress({
      domain: azrDomain(await chainId(), token.address),
      types: DELEGATION_TYPES,
      primaryType: "Delegation",
      message,
      signature,
    }).catch(() => undefined);
    if (!signer || !isAddressEqual(signer, delegator)) {
      throw new ServiceError(401, `bad signature: it is not ${delegator}'s signature of this delegation`);
    }
    const { v, r, s } = parseSignature(signature);
    const { result } = await relay(
      delegator,
      {
        ...token,
        functionName: "delegateBySig",
        args: [delegatee, body.nonce, body.expiry, Number(v), r, s],
      },
      async () => {
        const [balance, current] = await Promise.all([
          publicClient.readContract({ ...token, functionName: "balanceOf", args: [delegator] }),
          publicClient.readContract({ ...token, functionName: "delegates", args: [delegator] }),
        ]);
        if (balance === 0n) {
          throw new ServiceError(
            409,
            `${delegator} holds no AZR: a delegation would move no votes, so the relayer does not pay for it`,
          );
        }
        if (isAddressEqual(current, delegatee)) {
          throw new ServiceError(409, `${delegator} already delegates to ${delegatee}: nothing to relay`);
        }
      },
    );
    return result;
  }

  async function vote(body: z.infer<typeof voteRequest>) {
    const voter = getAddress(body.voter);
    const signature = body.signature as Hex;
    const nonce = await publicClient.readContract({ ...governor, functionName: "nonces", args: [voter] });
    const signer = await recoverTypedDataAddress({
      domain: governorDomain(await chainId(), governor.address),
      types: BALLOT_TYPES,
      primaryType: "Ballot",
      message: { proposalId: body.proposalId, support: body.support, voter, nonce },
      signature,
    }).catch(() => undefined);
    if (!signer || !isAddressEqual(signer, voter)) {
      throw new ServiceError(
        401,
        `bad signature: it is not ${voter}'s ballot for this proposal and choice at their current nonce ${nonce}`,
      );
    }
    const { result } = await relay(
      voter,
      { ...governor, functionName: "castVoteBySig", args: [body.proposalId, body.support, voter, signature] },
      async () => {
        const snapshot = await publicClient.readContract({
          ...governor,
          functionName: "proposalSnapshot",
          args: [body.proposalId],
        });
        const weight = await publicClient.readContract({
          ...governor,
          functionName: "getVotes",
          args: [voter, snapshot],
        });
        if (weight === 0n) {
          throw new ServiceError(
            409,
            `${voter} had no votes at proposal ${body.proposalId}'s snapshot: a ballot would count nothing, so the relayer does not pay for it`,
          );
        }
      },
    );
    return result;
  }

  return {
    address: wallet.account.address,
    claim: jsonEndpoint(claimRequest, claim, { limit: limitClient }),
    delegate: jsonEndpoint(delegateRequest, delegate, { limit: limitClient }),
    vote: jsonEndpoint(voteRequest, vote, { limit: limitClient }),
  };
}
