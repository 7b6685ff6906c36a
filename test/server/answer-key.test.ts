import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "chai";
import { bytesToHex, hexToBytes } from "viem";
import type { Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import {
  AnswerKeyError,
  CLEAR_ANSWERS,
  ENCRYPTED_ANSWERS,
  decryptAnswerKey,
  encryptAnswerKey,
  parseAnswers,
} from "../../content/formats/answer-key";
import type { AnswerKey } from "../../content/formats/answer-key";
import { FormatError } from "../../content/formats/common";
import { checkCoursePackage, packCourse } from "../../content/formats/course-package";
import type { Course } from "../../content/formats/course";
import { REPO_ROOT } from "../../scripts/stack/paths";

const FOLDER = path.join(REPO_ROOT, "courses", "wallets-and-safety");

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return expect.fail("expected it to throw");
}

describe("grader › answer keys encrypted for the verifier (ECIES secp256k1, HKDF-SHA256, AES-256-GCM)", function () {
  const verifierKey = generatePrivateKey();
  const verifier = privateKeyToAccount(verifierKey);
  const otherKey = generatePrivateKey();
  let head: Uint8Array;
  let course: Course;
  let answers: AnswerKey;
  let encrypted: Uint8Array;

  before(async function () {
    const { files, course: packed } = await packCourse(FOLDER, { encryptFor: verifier.publicKey });
    head = files.find((file) => file.path === "course.json")!.content!;
    course = packed;
    answers = parseAnswers(await readFile(path.join(FOLDER, CLEAR_ANSWERS)));
    encrypted = files.find((file) => file.path === ENCRYPTED_ANSWERS)!.content!;
  });

  it("packs answers.enc, which names the verifier and never holds an answer in the clear", function () {
    const envelope = JSON.parse(new TextDecoder().decode(encrypted)) as Record<string, string>;
    expect(envelope.verifier).to.equal(verifier.address);
    expect(envelope.verifierPublicKey).to.equal(verifier.publicKey);
    expect(new TextDecoder().decode(encrypted)).to.not.include(JSON.stringify(answers).slice(1, 12));
  });

  it("decrypts, with the verifier's key, to exactly the author's answers.json", function () {
    expect(decryptAnswerKey(head, course, encrypted, verifierKey, verifier.address)).to.deep.equal(answers);
  });

  it("encrypts afresh each time (ephemeral key and nonce)", function () {
    const again = encryptAnswerKey(head, course, answers, verifier.publicKey);
    expect(bytesToHex(again)).to.not.equal(bytesToHex(encrypted));
  });

  it("refuses a key for another verifier, naming both", function () {
    const other = privateKeyToAccount(otherKey);
    const forOther = encryptAnswerKey(head, course, answers, other.publicKey);
    const error = errorOf(() => decryptAnswerKey(head, course, forOther, verifierKey, verifier.address));
    expect(error).to.be.instanceOf(AnswerKeyError);
    expect(error.message).to.include(`encrypted for ${other.address}`).and.include(verifier.address);
    // The course's verifier on chain is someone else than this grader.
    const mismatch = errorOf(() => decryptAnswerKey(head, course, encrypted, otherKey, verifier.address));
    expect(mismatch.message).to.include(`this grader's key is ${other.address}`);
  });

  it("refuses a package whose answers.enc or course.json was changed after encryption", function () {
    const envelope = JSON.parse(new TextDecoder().decode(encrypted)) as Record<string, Hex>;
    const ciphertext = hexToBytes(envelope.ciphertext!);
    ciphertext[0]! ^= 1;
    const tampered = new TextEncoder().encode(
      JSON.stringify({ ...envelope, ciphertext: bytesToHex(ciphertext) }),
    );
    const error = errorOf(() => decryptAnswerKey(head, course, tampered, verifierKey, verifier.address));
    expect(error).to.be.instanceOf(AnswerKeyError);
    expect(error.message).to.match(/does not decrypt: the package .* was changed/);

    const otherHead = new TextEncoder().encode(
      new TextDecoder().decode(head).replace(course.title, "Another title"),
    );
    expect(() => decryptAnswerKey(otherHead, course, encrypted, verifierKey, verifier.address)).to.throw(
      AnswerKeyError,
      /does not decrypt/,
    );
  });

  it("refuses an answers.enc whose public key is not the named verifier's, in the package check too", function () {
    const envelope = JSON.parse(new TextDecoder().decode(encrypted)) as Record<string, string>;
    const lying = new TextEncoder().encode(
      JSON.stringify({ ...envelope, verifierPublicKey: privateKeyToAccount(otherKey).publicKey }),
    );
    const files = new Map([
      ["course.json", head],
      [ENCRYPTED_ANSWERS, lying],
    ]);
    const error = errorOf(() => checkCoursePackage(files));
    expect(error).to.be.instanceOf(FormatError);
    expect(error.message).to.include(
      `answers.enc: verifierPublicKey: is the key of ${privateKeyToAccount(otherKey).address}`,
    );
    expect(() => decryptAnswerKey(head, course, lying, verifierKey, verifier.address)).to.throw(
      AnswerKeyError,
      /verifierPublicKey/,
    );
  });

  it("refuses to encrypt an answer key that does not answer every question", function () {
    const partial = Object.fromEntries(Object.entries(answers).filter(([id]) => id !== "q1"));
    const error = errorOf(() => encryptAnswerKey(head, course, partial, verifier.publicKey));
    expect(error).to.be.instanceOf(FormatError);
    expect(error.message).to.include("answers.json: q1: no answer");
  });
});
