import { expect } from "chai";
import { clientAddress, parseTrustedProxies } from "../../content/rate-limit";

describe("server › the client's address (AZORA_TRUSTED_PROXIES)", function () {
  it("finding 2: with no trusted proxy, takes the socket's address and ignores X-Forwarded-For", function () {
    expect(clientAddress("203.0.113.9", "10.0.0.1, 10.0.0.2", [])).to.equal("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", "1.2.3.4", [])).to.equal("127.0.0.1");
    expect(clientAddress(undefined, undefined, [])).to.equal("unknown");
  });

  it("behind trusted proxies, takes the last hop no trusted proxy added", function () {
    const trusted = parseTrustedProxies(" 10.0.0.5, ::ffff:10.0.0.6 ,,");
    expect(trusted).to.deep.equal(["10.0.0.5", "10.0.0.6"]);
    // The caller claims 1.1.1.1; the proxy appended the caller's real address.
    expect(clientAddress("10.0.0.5", "1.1.1.1, 198.51.100.7", trusted)).to.equal("198.51.100.7");
    // Two trusted proxies in a row.
    expect(clientAddress("10.0.0.5", "1.1.1.1, 198.51.100.7, 10.0.0.6", trusted)).to.equal("198.51.100.7");
    // A trusted proxy that forwarded nothing is the client itself.
    expect(clientAddress("10.0.0.5", undefined, trusted)).to.equal("10.0.0.5");
    // An untrusted peer's header is never read.
    expect(clientAddress("198.51.100.8", "10.0.0.5, 1.1.1.1", trusted)).to.equal("198.51.100.8");
  });
});
