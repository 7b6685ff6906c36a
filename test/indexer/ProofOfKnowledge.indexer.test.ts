import { expect } from "chai";
import { getAddress, getContract, parseEventLogs, parseUnits } from "viem";
import type { Hash, Log } from "viem";
import { chainAt, clientsFor } from "../../scripts/deploy/clients";
import { signCompletion } from "../../protocol/eip712";
import { localAccount } from "../../protocol/chain";
import { contractOf } from "../../protocol/manifest";
import { stopAllServices } from "../../scripts/stack/processes";
import { eventually, graphql, INDEXER_DATABASES, startIndexedChain } from "../support/stack";

interface RestCredential {
  id: string;
  holder: string;
  courseId: string;
  issuer: string;
  revoked: boolean;
  revokedReason: string | null;
  burned: boolean;
  expired: boolean;
  validNow: boolean;
  tokenURI?: string | null;
}

const CID_A = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am";
const CID_B = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

for (const database of INDEXER_DATABASES) {
  describe(`indexer › courses, claims, credentials and the CitadelFund (real chain, real Ponder on ${database.name})`, function () {
    let stack: Awaited<ReturnType<typeof startIndexedChain>>;
    const credentialIds: bigint[] = [];
    let courseA = 0n;
    let courseB = 0n;

    before(async function () {
      // Before the handover to governance: the deployer (#0) still registers courses as curator.
      stack = await startIndexedChain({ database, governance: false });
      const chain = await chainAt(stack.chain.rpcUrl);
      const as = (index: number) => clientsFor(chain, localAccount(index)).walletClient;
      const pok = contractOf(stack.manifest, "ProofOfKnowledge");
      const token = contractOf(stack.manifest, "AzoraToken");
      const credential = contractOf(stack.manifest, "AzoraCredential");
      const fund = contractOf(stack.manifest, "CitadelFund");
      const wait = async (hash: Promise<Hash>) => {
        const receipt = await stack.publicClient.waitForTransactionReceipt({ hash: await hash });
        expect(receipt.status).to.equal("success");
        return receipt;
      };
      const registeredId = (receipt: { logs: Log[] }) => {
        const [event] = parseEventLogs({ abi: pok.abi, logs: receipt.logs, eventName: "CourseRegistered" });
        if (!event) throw new Error("registerCourse emitted no CourseRegistered");
        return event.args.courseId;
      };
      const verifier = as(8);
      const curator = getContract({ ...pok, client: as(0) });
      const relayer = getContract({ ...pok, client: as(9) });

      // Beside the seeded courses: course A never expires; course B's credentials last one hour.
      const register = async (title: string, cid: string, azr: string, minScore: number, validity: number) =>
        registeredId(
          await wait(
            curator.write.registerCourse([
              {
                title,
                contentCid: cid,
                reward: parseUnits(azr, 18),
                verifier: verifier.account.address,
                minScore,
                validity,
              },
            ]),
          ),
        );
      courseA = await register("Course A", CID_A, "100", 7000, 0);
      courseB = await register("Course B", CID_B, "33.333", 6000, 3600);
      await wait(curator.write.setVerifierLimit([verifier.account.address, 100]));

      const deadline = BigInt(Math.floor(Date.now() / 1000) + 86_400);
      for (const [learnerIndex, courseId] of [
        [1, courseA],
        [2, courseA],
        [3, courseB],
        [5, courseA],
        [5, courseB],
        [4, courseA],
      ] as const) {
        const completion = { learner: localAccount(learnerIndex).address, courseId, score: 8000, deadline };
        const signature = await signCompletion(verifier, pok.address, completion);
        await wait(relayer.write.claim([completion, signature]));
        credentialIds.push(
          await getContract({ ...credential, client: stack.publicClient }).read.credentialOf([
            completion.learner,
            courseId,
          ]),
        );
      }
      // The issuer revokes Kofi's credential; learner #5 burns one of theirs.
      await wait(
        getContract({ ...credential, client: verifier }).write.revoke([
          credentialIds[1]!,
          "answers were shared",
        ]),
      );
      await wait(getContract({ ...credential, client: as(5) }).write.burn([credentialIds[3]!]));
      // Learner #4's credential is revoked by mistake; governance (still the deployer) reinstates it.
      await wait(
        getContract({ ...credential, client: verifier }).write.revoke([credentialIds[5]!, "mistake"]),
      );
      await wait(
        getContract({ ...credential, client: as(0) }).write.reinstate([credentialIds[5]!, "mistaken"]),
      );
      // A donation of AZR to the fund.
      await wait(
        getContract({ ...token, client: as(4) }).write.approve([fund.address, parseUnits("10", 18)]),
      );
      await wait(getContract({ ...fund, client: as(4) }).write.donate([token.address, parseUnits("10", 18)]));
      // Two hours later course 2's credentials have expired (the chain's clock decides).
      await stack.publicClient.request({ method: "evm_increaseTime" as never, params: [7200] as never });
      await stack.publicClient.request({ method: "evm_mine" as never, params: [] as never });
    });
    after(async function () {
      await stopAllServices();
    });

    const rest = async <T>(path: string): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${stack.indexer.url}${path}`);
      return { status: response.status, body: (await response.json()) as T };
    };

    it("answers GET /credentials/:id exactly as the contract's isValid, for valid, revoked, burned and expired ones", async function () {
      const credential = getContract({
        ...contractOf(stack.manifest, "AzoraCredential"),
        client: stack.publicClient,
      });
      await eventually(async () => {
        for (const id of credentialIds) {
          const { status, body } = await rest<RestCredential>(`/credentials/${id}`);
          expect(status, `credential ${id}`).to.equal(200);
          expect(body.validNow, `validNow of ${id}`).to.equal(await credential.read.isValid([id]));
        }
      });
      const [valid, revoked, expired, burned] = await Promise.all(
        [credentialIds[0], credentialIds[1], credentialIds[2], credentialIds[3]].map((id) =>
          rest<RestCredential>(`/credentials/${id}`),
        ),
      );
      expect(valid!.body.validNow).to.equal(true);
      expect(valid!.body.tokenURI).to.match(/^data:application\/json/);
      expect(revoked!.body).to.include({
        revoked: true,
        revokedReason: "answers were shared",
        validNow: false,
      });
      expect(expired!.body).to.include({ expired: true, validNow: false });
      expect(burned!.body).to.include({ burned: true, validNow: false });
      const reinstated = await rest<RestCredential>(`/credentials/${credentialIds[5]}`);
      expect(reinstated.body).to.include({ revoked: false, revokedReason: null, validNow: true });
    });

    it("lists an account's credentials, and refuses bad ids and addresses with 400", async function () {
      const learner = localAccount(5).address;
      const { body } = await rest<{ credentials: RestCredential[] }>(`/accounts/${learner}/credentials`);
      expect(body.credentials.map((c) => c.courseId).sort()).to.deep.equal(
        [String(courseA), String(courseB)].sort(),
      );
      expect((await rest(`/credentials/abc`)).status).to.equal(400);
      expect((await rest(`/credentials/-1`)).status).to.equal(400);
      expect((await rest(`/credentials/999999`)).status).to.equal(404);
      expect((await rest(`/accounts/0x1234/credentials`)).status).to.equal(400);
    });

    it("pages an account's credentials with limit and a cursor, newest first, and refuses a bad limit or cursor", async function () {
      const learner = localAccount(5).address;
      type Page = { credentials: RestCredential[]; nextCursor: string | null };
      const all = await rest<Page>(`/accounts/${learner}/credentials`);
      expect(all.body.nextCursor).to.equal(null);
      const first = await rest<Page>(`/accounts/${learner}/credentials?limit=1`);
      expect(first.body.credentials).to.have.length(1);
      expect(first.body.nextCursor).to.be.a("string");
      const second = await rest<Page>(
        `/accounts/${learner}/credentials?limit=1&after=${first.body.nextCursor}`,
      );
      expect(second.body.nextCursor).to.equal(null);
      expect([...first.body.credentials, ...second.body.credentials]).to.deep.equal(all.body.credentials);
      expect(await rest(`/accounts/${learner}/credentials?limit=0`)).to.deep.equal({
        status: 400,
        body: { error: '"limit" is a whole number from 1 to 100' },
      });
      expect((await rest(`/accounts/${learner}/credentials?limit=101`)).status).to.equal(400);
      expect(await rest(`/accounts/${learner}/credentials?after=nonsense`)).to.deep.equal({
        status: 400,
        body: { error: '"after" is not a cursor from this list: pass the "nextCursor" it returned' },
      });
    });

    it("tracks the CitadelFund's AZR: balance equals balanceOf, mining inflows equal the claims' 10%", async function () {
      const token = getContract({ ...contractOf(stack.manifest, "AzoraToken"), client: stack.publicClient });
      const fund = contractOf(stack.manifest, "CitadelFund").address;
      const { claims } = await graphql<{
        claims: { items: { citadelShare: string; learnerShare: string; reward: string }[] };
      }>(
        stack.indexer.url,
        `
          {
            claims(limit: 100) {
              items {
                citadelShare
                learnerShare
                reward
              }
            }
          }
        `,
      );
      expect(claims.items.length).to.be.at.least(5); // ours, and the seed's
      const citadelShares = claims.items.reduce((sum, c) => sum + BigInt(c.citadelShare), 0n);
      for (const c of claims.items) {
        expect(BigInt(c.learnerShare) + BigInt(c.citadelShare)).to.equal(BigInt(c.reward));
        expect(BigInt(c.citadelShare)).to.equal(BigInt(c.reward) / 10n);
      }
      const { body } = await rest<{ balance: string; received: Record<string, string>; released: string }>(
        `/citadel`,
      );
      expect(BigInt(body.balance)).to.equal(await token.read.balanceOf([fund]));
      expect(BigInt(body.received.mining!)).to.equal(citadelShares);
      expect(BigInt(body.received.donation!)).to.equal(parseUnits("10", 18));
    });

    it("keeps the CitadelFund's totals as rows: flows summed and counted on arrival equal the flows, paged", async function () {
      type Citadel = {
        received: Record<string, string>;
        released: string;
        flowCount: number;
        flows: { id: string; direction: string; source: string; amount: string }[];
        nextCursor: string | null;
      };
      const { body } = await rest<Citadel>(`/citadel`);
      expect(body.nextCursor).to.equal(null);
      expect(body.flows).to.have.length(body.flowCount);
      for (const source of ["mining", "escrow", "donation"]) {
        const sum = body.flows
          .filter((f) => f.direction === "in" && f.source === source)
          .reduce((total, f) => total + BigInt(f.amount), 0n);
        expect(BigInt(body.received[source]!), source).to.equal(sum);
      }
      const released = body.flows
        .filter((f) => f.direction === "out")
        .reduce((t, f) => t + BigInt(f.amount), 0n);
      expect(BigInt(body.released)).to.equal(released);
      // Two at a time, following the cursor: the same flows in the same order.
      const paged: Citadel["flows"] = [];
      let after: string | null = null;
      do {
        const page: { body: Citadel } = await rest<Citadel>(
          `/citadel?limit=2${after ? `&after=${after}` : ""}`,
        );
        paged.push(...page.body.flows);
        after = page.body.nextCursor;
      } while (after);
      expect(paged).to.deep.equal(body.flows);
    });

    it("indexes courses as the registry holds them, with claim counts and mined AZR per learner", async function () {
      const pok = getContract({
        ...contractOf(stack.manifest, "ProofOfKnowledge"),
        client: stack.publicClient,
      });
      const { courses, account } = await graphql<{
        courses: {
          items: {
            id: string;
            title: string;
            reward: string;
            verifier: string;
            claimCount: number;
            contentCid: string;
          }[];
        };
        account: { minedAzr: string; credentialsHeld: number };
      }>(
        stack.indexer.url,
        `
          query ($who: String!) {
            courses(orderBy: "id") {
              items {
                id
                title
                reward
                verifier
                claimCount
                contentCid
              }
            }
            account(address: $who) {
              minedAzr
              credentialsHeld
            }
          }
        `,
        { who: localAccount(5).address.toLowerCase() },
      );
      const ours = courses.items.filter((c) => [courseA, courseB].includes(BigInt(c.id)));
      expect(ours.map((c) => c.contentCid)).to.deep.equal([CID_A, CID_B]);
      expect(ours.map((c) => c.title)).to.deep.equal(["Course A", "Course B"]);
      expect(ours.map((c) => c.claimCount)).to.deep.equal([4, 2]);
      for (const c of courses.items) {
        expect(BigInt(c.reward)).to.equal(await pok.read.rewardOf([BigInt(c.id)]));
        expect(getAddress(c.verifier)).to.equal(await pok.read.verifierOf([BigInt(c.id)]));
        expect(c.title).to.equal(await pok.read.courseTitle([BigInt(c.id)]));
      }
      const reward = (azr: string) => parseUnits(azr, 18) - parseUnits(azr, 18) / 10n;
      expect(BigInt(account.minedAzr)).to.equal(reward("100") + reward("33.333"));
      expect(account.credentialsHeld).to.equal(1); // one of two burned
    });
  });
}
