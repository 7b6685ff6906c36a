import { expect } from "chai";
import { isPublishableUrl, publicRuntimeConfig } from "../../app/_lib/public-urls";

describe("app › public URLs (what the browser may see)", function () {
  it("never publishes a URL that carries a key", function () {
    expect(isPublishableUrl("http://127.0.0.1:8545")).to.equal(true);
    expect(isPublishableUrl("https://rpc.example.org/")).to.equal(true);
    expect(isPublishableUrl("https://eth-mainnet.example.com/v2/AbCdEf0123456789xyz")).to.equal(false);
    expect(isPublishableUrl("https://mainnet.example.io/v3/0123456789abcdef0123")).to.equal(false);
    expect(isPublishableUrl("https://rpc.example.org/?apikey=secret")).to.equal(false);
    expect(isPublishableUrl("https://user:pass@rpc.example.org")).to.equal(false);
    expect(isPublishableUrl("not a url")).to.equal(false);
  });

  it("gives the browser PUBLIC_RPC_URL, else the server's URL only when it is keyless", function () {
    const keyed = "https://rpc.example.com/v2/0123456789abcdefSECRET";
    expect(
      publicRuntimeConfig({ RPC_URL: keyed, PUBLIC_RPC_URL: "https://public.example.org" }).rpcUrl,
    ).to.equal("https://public.example.org");
    expect(publicRuntimeConfig({ RPC_URL: keyed }).rpcUrl).to.equal(null);
    expect(publicRuntimeConfig({ RPC_URL: "http://127.0.0.1:9545/" }).rpcUrl).to.equal(
      "http://127.0.0.1:9545",
    );
    expect(publicRuntimeConfig({}).indexerUrl).to.equal("http://127.0.0.1:42069");
  });
});
