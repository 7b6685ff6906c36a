// AZR gas per user operation: mint, transfers (to a new holder, an existing one, between delegated
// holders), delegation, and a relayed permit.
import { getContract, parseUnits } from "viem";
import type { Address } from "viem";
import { signPermit } from "../../protocol/eip712";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { gasGroup } from "./setup";
import type { BenchNode, GasFigures } from "./setup";

async function azrGas({ manifest, wallet, gasOf }: BenchNode): Promise<GasFigures> {
  const { abi, address } = contractOf(manifest, "AzoraToken");
  const as = (index: number) => {
    const walletClient = wallet(localAccount(index));
    return { token: getContract({ abi, address, client: walletClient }), walletClient };
  };
  const deployer = as(0);
  const [a, b, c, d] = [1, 2, 3, 4].map((i) => localAccount(i).address) as [
    Address,
    Address,
    Address,
    Address,
  ];

  await gasOf(
    deployer.token.write.grantRole([
      await deployer.token.read.MINTER_ROLE(),
      deployer.walletClient.account.address,
    ]),
  );
  const mint = await gasOf(deployer.token.write.mint([a, parseUnits("1000", 18)]));
  await gasOf(deployer.token.write.mint([b, parseUnits("1000", 18)]));
  const transferNew = await gasOf(as(1).token.write.transfer([c, parseUnits("10", 18)]));
  const transferExisting = await gasOf(as(1).token.write.transfer([c, parseUnits("10", 18)]));
  const delegateFirst = await gasOf(as(1).token.write.delegate([a]));
  await gasOf(as(2).token.write.delegate([b]));
  const transferDelegated = await gasOf(as(1).token.write.transfer([b, parseUnits("10", 18)]));
  const redelegate = await gasOf(as(2).token.write.delegate([a]));

  const owner = as(1).walletClient;
  const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
  const nonce = await as(1).token.read.nonces([a]);
  const { v, r, s } = await signPermit(owner, address, {
    owner: a,
    spender: d,
    value: parseUnits("5", 18),
    nonce,
    deadline,
  });
  const permit = await gasOf(as(4).token.write.permit([a, d, parseUnits("5", 18), deadline, v, r, s]));

  return [
    ["mint (minter → new holder)", mint],
    ["transfer to a new holder", transferNew],
    ["transfer to an existing holder", transferExisting],
    ["transfer between delegated holders", transferDelegated],
    ["delegate (first time, self)", delegateFirst],
    ["delegate (change delegate)", redelegate],
    ["permit (relayed)", permit],
  ];
}

/** The first group on the node: the deployer grants itself AZR's MINTER_ROLE and keeps it. */
export const azrGasGroup = gasGroup("gas-azr", "AZR gas per user operation (local Hardhat node)", azrGas);
