import { expect } from "chai";
import {
  ProposalDescriptionError,
  formatProposalDescription,
  parseProposalDescription,
} from "../../protocol/proposals";

const CID = "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am";
const V0 = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
const PROPOSER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("protocol › proposal description (title + CID of the text)", () => {
  it("writes a markdown heading and an ipfs:// link, which Governor tools show as they are", () => {
    expect(formatProposalDescription({ title: "Fund a Swahili course", cid: CID })).to.equal(
      `# Fund a Swahili course\n\nipfs://${CID}`,
    );
  });

  it("reads back what it wrote, also with OpenZeppelin's #proposer= suffix", () => {
    for (const description of [
      formatProposalDescription({ title: "Fund a Swahili course", cid: CID }),
      formatProposalDescription({ title: "Fund a Swahili course", cid: CID, proposer: PROPOSER }),
    ]) {
      const parsed = parseProposalDescription(description);
      expect(parsed?.title).to.equal("Fund a Swahili course");
      expect(parsed?.cid).to.equal(CID);
    }
    expect(parseProposalDescription(`# T\n\nipfs://${CID}#proposer=${PROPOSER}`)?.proposer).to.equal(
      PROPOSER,
    );
  });

  it("tolerates CRLF, extra blank lines and spaces, and a CIDv0", () => {
    expect(parseProposalDescription(`\r\n#   A title  \r\n\r\n\r\n  ipfs://${V0}  \r\n`)).to.deep.equal({
      title: "A title",
      cid: V0,
    });
  });

  it("answers null for any other description, which a page then shows as it is", () => {
    for (const description of [
      "",
      "Just some text",
      `ipfs://${CID}`,
      `# Title only`,
      `Title without heading\n\nipfs://${CID}`,
      `# Title\n\nipfs://not-a-cid`,
      `# Title\n\nhttps://ipfs.io/ipfs/${CID}`,
      `# Title\n\nipfs://${CID}\n\nmore text`,
      `# ${"x".repeat(121)}\n\nipfs://${CID}`,
    ]) {
      expect(parseProposalDescription(description), JSON.stringify(description)).to.equal(null);
    }
  });

  it("refuses to write an empty, multi-line or too long title, or a bad CID", () => {
    for (const [title, cid] of [
      [" ", CID],
      ["two\nlines", CID],
      ["x".repeat(121), CID],
      ["fine", "bafy-nope"],
    ] as const) {
      expect(() => formatProposalDescription({ title, cid })).to.throw(ProposalDescriptionError);
    }
  });
});
