import { expect } from "chai";
import { decodeErrorResult, getAddress, isAddress } from "viem";
import type { Abi } from "viem";
import { artifacts } from "hardhat";
import { revertData } from "../../support/errors";

let errorsAbi: Promise<Abi> | undefined;

/** Every custom error of every compiled contract (Azora's, OpenZeppelin's, the mocks'), once. */
function allErrors(): Promise<Abi> {
  errorsAbi ??= (async () => {
    const names = [...(await artifacts.getAllFullyQualifiedNames())];
    const abis = await Promise.all(
      names.map(async (name) => (await artifacts.readArtifact(name)).abi as Abi),
    );
    const seen = new Set<string>();
    return abis.flat().filter((item) => {
      if (item.type !== "error") return false;
      const key = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  })();
  return errorsAbi;
}

/** Addresses checksummed and integers as bigint, so `[alice, 5]` equals a decoded `[Alice, 5n]`. */
function normalize(value: unknown): unknown {
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "string" && isAddress(value, { strict: false })) return getAddress(value);
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}

/** An expected argument: a value, or a predicate the decoded value must satisfy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a predicate takes the decoded value's own type
type Expected = unknown | ((actual: any) => boolean);

/**
 * Expects `call` (a transaction, a read or a deployment) to revert with the custom error `name`
 * and exactly `args`, decoded from the revert data with the ABI of every compiled contract:
 * `await expectRevert(escrow.write.cancel([1n]), "JobEscrowNotClient", [1n, bob])`.
 */
export async function expectRevert(call: Promise<unknown>, name: string, args: readonly Expected[] = []) {
  let failure: unknown;
  try {
    await call;
  } catch (error) {
    failure = error;
  }
  if (failure === undefined) expect.fail(`expected a revert with ${name}, but the call succeeded`);
  const data = revertData(failure);
  if (!data)
    throw new Error(`expected a revert with ${name}, but it failed without revert data`, { cause: failure });
  const decoded = decodeErrorResult({ abi: await allErrors(), data });
  expect(decoded.errorName, "custom error").to.equal(name);
  const actual = [...(decoded.args ?? [])];
  // A predicate stands for its argument: compare it apart, and the rest as values.
  const predicates = args.flatMap((arg, i) => (typeof arg === "function" ? [i] : []));
  for (const i of predicates) {
    expect(
      (args[i] as (value: unknown) => boolean)(actual[i]),
      `${name}'s argument ${i}: ${String(actual[i])}`,
    ).to.equal(true);
  }
  const values = (list: readonly unknown[]) => list.map((value, i) => (predicates.includes(i) ? "*" : value));
  expect(normalize(values(actual)), `${name}'s arguments`).to.deep.equal(normalize(values(args)));
}

/**
 * Expects each of `calls`, made one after the other, to revert with the same custom error `name`
 * and `args` (`expectRevert` for each): the same refusal from several functions or callers.
 */
export async function expectEachRevert(
  calls: readonly (() => Promise<unknown>)[],
  name: string,
  args: readonly Expected[] = [],
) {
  for (const call of calls) await expectRevert(call(), name, args);
}
