import path from "node:path";
import { expect } from "chai";
import { openEmbeddedStore } from "../../content/embedded";
import { addCourse, packCourse } from "../../content/formats/course-package";
import { handleGatewayRequest } from "../../content/gateway";
import type { ContentStore } from "../../content/store";
import { createUploadHandler } from "../../content/upload";
import type { UploadOptions, UploadRecord } from "../../content/upload";
import { UPLOAD_HEADERS, signedUpload } from "../../content/upload-request";
import type { UploadContent, UploadSigner } from "../../content/upload-request";
import { localAccount } from "../../protocol/chain";
import { REPO_ROOT } from "../../scripts/stack/paths";
import { CLIENT_ADDRESS_HEADER } from "../../content/rate-limit";
import { stampClientAddresses } from "../../server/client-address";
import { serve, tempDir, utf8 } from "./support";

/** A local demo account as an uploader (wagmi's `signMessageAsync` plays this part in the app). */
const signer = (index: number): UploadSigner => {
  const account = localAccount(index);
  return { address: account.address, signMessage: (message) => account.signMessage({ message }) };
};
const amara = signer(1);
const kofi = signer(2);

const T0 = Date.parse("2026-03-01T12:00:00.000Z");
const lesson = (text = "# A lesson\n"): UploadContent => ({ bytes: utf8(text), type: "text/markdown" });
const courseFolder = path.join(REPO_ROOT, "courses", "wallets-and-safety");

describe("content › upload (POST /api/content)", function () {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let store: ContentStore;
  let clock: number;
  let records: UploadRecord[];

  before(async function () {
    dir = await tempDir();
    store = await openEmbeddedStore(dir.dir);
  });
  after(async function () {
    await store.close();
    await dir.remove();
  });
  beforeEach(function () {
    clock = T0;
    records = [];
  });

  const handler = (options: Partial<UploadOptions> = {}) =>
    createUploadHandler({
      store: async () => store,
      now: () => clock,
      log: (r) => records.push(r),
      ...options,
    });

  async function post(
    upload: (request: Request) => Promise<Response>,
    signed: { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> },
    { query = "", headers = {} }: { query?: string; headers?: Record<string, string> } = {},
  ) {
    const response = await upload(
      new Request(`http://azora.test/api/content${query}`, {
        method: "POST",
        body: signed.body,
        headers: { ...signed.headers, ...headers },
      }),
    );
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  it("adds a signed file: 201 with its CID, and records who uploaded it", async function () {
    const { status, body } = await post(handler(), await signedUpload(lesson(), amara, clock), {
      headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.7" },
    });
    expect(status).to.equal(201);
    expect(body).to.deep.equal({
      cid: String(await store.addBytes(utf8("# A lesson\n"))),
      bytes: 11,
      files: 1,
    });
    expect(records).to.deep.equal([
      {
        at: "2026-03-01T12:00:00.000Z",
        signer: amara.address,
        client: "203.0.113.7",
        cid: body.cid,
        bytes: 11,
        files: 1,
        format: null,
      },
    ]);
  });

  it("adds a course package (multipart, ?format=course) that the gateway then serves", async function () {
    const { files } = await packCourse(courseFolder);
    const upload = await signedUpload(
      { files: files.map(({ path, content }) => ({ path, bytes: new Uint8Array(content ?? []) })) },
      amara,
      clock,
    );
    const { status, body } = await post(handler(), upload, { query: "?format=course" });
    expect(status, JSON.stringify(body)).to.equal(201);
    expect(body.cid).to.equal(String(await addCourse(store, courseFolder)));
    expect(body.files).to.equal(files.length);
    const served = await handleGatewayRequest(
      store,
      new Request(`http://azora.test/ipfs/${body.cid}/course.json`),
    );
    expect(((await served.json()) as { title: string }).title).to.equal(
      "Wallets and Safety: Your Keys, Your Money",
    );
  });

  it("answers 413 to a body over the limit, declared (Content-Length, over HTTP) or streamed", async function () {
    const upload = handler({ maxBytes: 100 });
    const big = await signedUpload(lesson("x".repeat(101)), amara, clock);
    const server = await serve(upload);
    try {
      const declared = await fetch(`${server.url}/api/content`, { method: "POST", ...big });
      expect(declared.status).to.equal(413);
      expect(await declared.json()).to.deep.equal({
        error: "the body is larger than the limit of 100 bytes",
      });
    } finally {
      await server.close();
    }
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(utf8("x".repeat(40)));
        controller.close();
      },
    });
    const request = { method: "POST", body: stream, headers: big.headers, duplex: "half" };
    const streamed = await upload(new Request("http://azora.test/api/content", request as RequestInit));
    expect(streamed.status).to.equal(413);
  });

  it("answers 415 to a type we do not store, or bytes that are not what they claim", async function () {
    const cases: [UploadContent, RegExp][] = [
      [{ bytes: utf8("<html></html>"), type: "text/html" }, /text\/html: only image\/png, .* are accepted/],
      [{ bytes: utf8("not a png"), type: "image/png" }, /the body is not valid image\/png/],
      [{ bytes: utf8("{oops"), type: "application/json" }, /the body is not valid application\/json/],
      [{ files: [{ path: "run.exe", bytes: utf8("MZ") }] }, /run\.exe: only image\/png/],
      [
        { files: [{ path: "picture.svg", bytes: utf8("no svg here") }] },
        /picture\.svg: not valid image\/svg\+xml/,
      ],
    ];
    for (const [content, message] of cases) {
      const { status, body } = await post(handler(), await signedUpload(content, amara, clock));
      expect(status, String(message)).to.equal(415);
      expect(body.error).to.match(message);
    }
  });

  it("answers 401 unless the body is signed by the signer it names, before expiry", async function () {
    const upload = handler();
    const signed = await signedUpload(lesson(), amara, clock);
    const unsigned = await post(upload, { body: signed.body, headers: { "content-type": "text/markdown" } });
    expect(unsigned.status).to.equal(401);
    expect(unsigned.body.error).to.match(
      /sign the upload: send x-azora-signer, x-azora-signature, x-azora-expires/,
    );

    const byKofi = await signedUpload(lesson(), kofi, clock);
    const wrongSigner = await post(upload, {
      ...byKofi,
      headers: { ...byKofi.headers, [UPLOAD_HEADERS.signer]: amara.address },
    });
    expect(wrongSigner.status).to.equal(401);
    expect(wrongSigner.body.error).to.match(/not the signer's signature of this body/);

    const otherBody = await post(upload, { ...signed, body: utf8("# Another lesson\n") });
    expect(otherBody.status).to.equal(401);

    clock = T0 + 301_000;
    const expired = await post(upload, signed);
    expect(expired.status).to.equal(401);
    expect(expired.body.error).to.equal("the signature expired at 2026-03-01T12:05:00.000Z");

    const farAhead = await post(upload, await signedUpload(lesson(), amara, T0 + 3_600_000));
    expect(farAhead.status).to.equal(401);
    expect(farAhead.body.error).to.match(/at most 5 minutes ahead/);
    expect(records).to.deep.equal([]);
  });

  it("answers 422 naming the field when the content breaks its format, and refuses a clear answer key", async function () {
    const brief = {
      title: "Logo",
      summary: "A logo",
      description: "Draw it",
      language: "en",
      skills: [],
      milestones: [],
    };
    const job = await post(
      handler(),
      await signedUpload({ bytes: utf8(JSON.stringify(brief)), type: "application/json" }, amara, clock),
      {
        query: "?format=job-brief",
      },
    );
    expect(job.status).to.equal(422);
    expect(job.body.issues).to.deep.equal(["body: milestones: expected at least one milestone"]);

    const { files } = await packCourse(courseFolder);
    const withKey = files.map(({ path, content }) => ({ path, bytes: new Uint8Array(content ?? []) }));
    withKey.push({ path: "answers.json", bytes: utf8('{"q1":1}') });
    const course = await post(handler(), await signedUpload({ files: withKey }, amara, clock));
    expect(course.status).to.equal(422);
    expect(course.body.error).to.match(/answers\.json: the answer key must never be published in the clear/);
  });

  it("answers 429 with Retry-After past the rate of a client, and of a signer", async function () {
    const upload = handler({ perClient: { burst: 2, perMinute: 6 }, perSigner: { burst: 3, perMinute: 6 } });
    const from = (client: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: client } });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await post(upload, await signedUpload(lesson(), amara, clock), from("10.0.0.1"))).status,
      );
    expect(statuses).to.deep.equal([201, 201, 429]);
    const limited = await post(upload, await signedUpload(lesson(), kofi, clock), from("10.0.0.1"));
    expect(limited.headers.get("retry-after")).to.equal("10");

    // Amara from another client: her third upload passes, her fourth is the signer's limit.
    expect(
      (await post(upload, await signedUpload(lesson(), amara, clock), from("10.0.0.2"))).status,
    ).to.equal(201);
    const signerLimited = await post(upload, await signedUpload(lesson(), amara, clock), from("10.0.0.3"));
    expect(signerLimited.status).to.equal(429);
    expect(signerLimited.body.error).to.match(/too many uploads/);

    clock += 10_000; // one token back for 10.0.0.1
    expect((await post(upload, await signedUpload(lesson(), kofi, clock), from("10.0.0.1"))).status).to.equal(
      201,
    );
  });

  it("finding 7: bounds the bytes a client adds per day, whatever keys sign, and everyone's bytes per day", async function () {
    const upload = handler({ bytesPerClientPerDay: 30, bytesPerDay: 50 });
    const from = (client: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: client } });
    const fresh = (i: number) => signer(10 + i);
    // 11 bytes each: two fit in a client's 30, the third does not, even from a fresh key.
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await post(upload, await signedUpload(lesson(), fresh(i), clock), from("10.0.0.1"))).status,
      );
    expect(statuses).to.deep.equal([201, 201, 429]);
    const client = await post(upload, await signedUpload(lesson(), fresh(3), clock), from("10.0.0.1"));
    expect(client.body.error).to.equal(
      "this client's upload quota of 30 bytes a day is used (22 bytes today): try again after midnight UTC, in 43200 s",
    );
    expect(client.headers.get("retry-after")).to.equal("43200");
    // Everyone's 50 bytes: two more clients fill it, the next is told the store is full today.
    expect(
      (await post(upload, await signedUpload(lesson(), fresh(4), clock), from("10.0.0.2"))).status,
    ).to.equal(201);
    expect(
      (await post(upload, await signedUpload(lesson(), fresh(5), clock), from("10.0.0.3"))).status,
    ).to.equal(201);
    const full = await post(upload, await signedUpload(lesson(), fresh(6), clock), from("10.0.0.4"));
    expect([full.status, full.body.error]).to.deep.equal([
      503,
      "the content store takes no more uploads today (its 50 bytes a day are used): try again after midnight UTC, in 43200 s",
    ]);
    clock += 12 * 3_600_000; // midnight UTC: a new day
    expect(
      (await post(upload, await signedUpload(lesson(), fresh(7), clock), from("10.0.0.4"))).status,
    ).to.equal(201);
  });

  it("finding 7: keys the client on the socket's address over HTTP; X-Forwarded-For counts only from a trusted proxy", async function () {
    stampClientAddresses([]);
    const upload = handler({ perClient: { burst: 2, perMinute: 1 } });
    const server = await serve(upload);
    try {
      const send = async (forwardedFor: string) => {
        const signed = await signedUpload(lesson(), amara, clock);
        return (
          await fetch(`${server.url}/api/content`, {
            method: "POST",
            body: signed.body,
            headers: {
              ...signed.headers,
              "x-forwarded-for": forwardedFor,
              [CLIENT_ADDRESS_HEADER]: forwardedFor,
            },
          })
        ).status;
      };
      // Each request names another client; all come from one socket address: the third is refused.
      expect([await send("10.0.0.1"), await send("10.0.0.2"), await send("10.0.0.3")]).to.deep.equal([
        201, 201, 429,
      ]);
      expect(records.map((r) => r.client)).to.deep.equal(["127.0.0.1", "127.0.0.1"]);
    } finally {
      await server.close();
    }
  });

  it("answers 400 to an unknown format", async function () {
    const { status, body } = await post(handler(), await signedUpload(lesson(), amara, clock), {
      query: "?format=poem",
    });
    expect(status).to.equal(400);
    expect(body.error).to.equal("format must be one of course, job-brief, proposal, credential");
  });
});
