import type { ContractReturnType } from "@nomicfoundation/hardhat-viem/types";
import { expect } from "chai";
import { encodeFunctionData, getAddress, parseEventLogs } from "viem";
import type { ContractFunctionArgs, ContractFunctionName, Hash } from "viem";
import type { Signer } from "../../support/fixture";
import { viem } from "../../support/fixture";
import { expectRevert } from "../helpers/revert";

type Credential = ContractReturnType<"AzoraCredential">;

export interface SoulboundSetup {
  credential: Credential;
  /** Holds token `id`. */
  holder: Signer;
  /** Anyone else. */
  other: Signer;
  id: bigint;
  /** The transaction that minted `id`. */
  mintHash: Hash;
}

type Abi = Credential["abi"];

/**
 * Sends a real transaction calling `functionName`, as a wallet or marketplace would: the
 * transfer and approval functions are `pure` (they change nothing, they only revert), so viem
 * lists them as reads, but nothing stops anyone from sending them.
 */
function send<Name extends ContractFunctionName<Abi>>(
  from: Signer,
  credential: Credential,
  functionName: Name,
  args: ContractFunctionArgs<Abi, "pure" | "view" | "nonpayable" | "payable", Name>,
) {
  const data = encodeFunctionData({ abi: credential.abi, functionName, args } as never);
  return from.sendTransaction({ to: credential.address, data });
}

/**
 * ERC-5192 soulbound behaviour: locked from mint, every transfer and approval refused with a
 * custom error, and the interfaces a wallet checks.
 */
export function shouldBehaveLikeSoulbound(setup: () => Promise<SoulboundSetup>) {
  describe("behaves like a soulbound token (ERC-5192)", () => {
    it("emits Locked(id) when minted and reports locked(id) = true", async () => {
      const { credential, id, mintHash } = await setup();
      const receipt = await (await viem.getPublicClient()).getTransactionReceipt({ hash: mintHash });
      const locked = parseEventLogs({ abi: credential.abi, logs: receipt.logs, eventName: "Locked" });
      expect(locked.map((log) => log.args.tokenId)).to.deep.equal([id]);
      expect(await credential.read.locked([id])).to.equal(true);
    });

    it("refuses transferFrom, even by the holder, with AzoraCredentialLocked(id)", async () => {
      const { credential, holder, other, id } = await setup();
      await expectRevert(
        send(holder, credential, "transferFrom", [holder.account.address, other.account.address, id]),
        "AzoraCredentialLocked",
        [id],
      );
    });

    it("refuses both safeTransferFrom overloads with AzoraCredentialLocked(id)", async () => {
      const { credential, holder, other, id } = await setup();
      const [from, to] = [holder.account.address, other.account.address];
      await expectRevert(
        send(holder, credential, "safeTransferFrom", [from, to, id]),
        "AzoraCredentialLocked",
        [id],
      );
      await expectRevert(
        send(holder, credential, "safeTransferFrom", [from, to, id, "0x1234"]),
        "AzoraCredentialLocked",
        [id],
      );
    });

    it("refuses approve with AzoraCredentialLocked(id) and setApprovalForAll with AzoraCredentialOperatorForbidden(operator)", async () => {
      const { credential, holder, other, id } = await setup();
      await expectRevert(
        send(holder, credential, "approve", [other.account.address, id]),
        "AzoraCredentialLocked",
        [id],
      );
      await expectRevert(
        send(holder, credential, "setApprovalForAll", [other.account.address, true]),
        "AzoraCredentialOperatorForbidden",
        [getAddress(other.account.address)],
      );
    });

    it("has no approved account and no operator", async () => {
      const { credential, holder, other, id } = await setup();
      expect(await credential.read.getApproved([id])).to.equal("0x0000000000000000000000000000000000000000");
      expect(
        await credential.read.isApprovedForAll([holder.account.address, other.account.address]),
      ).to.equal(false);
    });

    it("answers locked() only for a token that exists, else ERC721NonexistentToken(id)", async () => {
      const { credential, id } = await setup();
      await expectRevert(credential.read.locked([id + 1n]), "ERC721NonexistentToken", [id + 1n]);
    });

    it("supports ERC-165, ERC-721, ERC-721 metadata, ERC-5192 and ERC-4906, and not 0xffffffff", async () => {
      const { credential } = await setup();
      for (const interfaceId of [
        "0x01ffc9a7",
        "0x80ac58cd",
        "0x5b5e139f",
        "0xb45a3c0e",
        "0x49064906",
      ] as const) {
        expect(await credential.read.supportsInterface([interfaceId]), interfaceId).to.equal(true);
      }
      expect(await credential.read.supportsInterface(["0xffffffff"])).to.equal(false);
    });
  });
}
