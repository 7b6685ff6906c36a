import { gcm } from "@noble/ciphers/aes";
import { randomBytes } from "@noble/ciphers/webcrypto";
import { secp256k1 } from "@noble/curves/secp256k1";
import { hkdf } from "@noble/hashes/hkdf";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, getAddress, hexToBytes, isAddressEqual } from "viem";
import type { Address, Hex } from "viem";
import { publicKeyToAddress } from "viem/accounts";
import { z } from "zod";
import { FormatError, parseJsonFormat } from "./common";
import type { Course } from "./course";

/**
 * The answer key of a course package, encrypted for the course's verifier (ECIES on secp256k1):
 *
 * 1. a fresh ephemeral secp256k1 key; ECDH with the verifier's public key; the shared secret is
 *    the x-coordinate of the shared point (32 bytes);
 * 2. key = HKDF-SHA256(ikm = shared secret, salt = ephemeral public key (33 bytes, compressed) ‖
 *    verifier public key (65 bytes, uncompressed), info = `ANSWER_KEY_SCHEME`, 32 bytes);
 * 3. AES-256-GCM with a random 12-byte nonce and associated data SHA-256(course.json bytes), so
 *    the key cannot be moved to another course, nor the course's questions changed under it;
 * 4. the plaintext is `answers.json` as UTF-8 JSON: `{ "<question id>": <option index 0–3> }`.
 *
 * `answers.enc` is JSON naming the verifier (address and public key, which must agree) so the
 * grader can refuse a package that is not for it, and anyone can check it against the verifier
 * registered on chain.
 */
export const ANSWER_KEY_SCHEME = "azora-answer-key-v1 secp256k1-ecdh hkdf-sha256 aes-256-gcm";

const hex = (bytes: number, what: string) =>
  z
    .string()
    .regex(new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`), `expected ${what}: 0x and ${bytes * 2} hex digits`);

export const answerKeyEnvelopeSchema = z
  .object({
    scheme: z.literal(ANSWER_KEY_SCHEME, { error: `expected "${ANSWER_KEY_SCHEME}"` }),
    verifier: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "expected an address"),
    verifierPublicKey: hex(65, "an uncompressed secp256k1 public key"),
    ephemeralPublicKey: hex(33, "a compressed secp256k1 public key"),
    nonce: hex(12, "a 12-byte nonce"),
    ciphertext: z.string().regex(/^0x(?:[0-9a-fA-F]{2}){17,}$/, "expected hex of at least 17 bytes"),
  })
  .strict()
  .superRefine((envelope, context) => {
    if (!/^0x[0-9a-fA-F]{40}$/.test(envelope.verifier)) return;
    let owner: Address;
    try {
      owner = publicKeyToAddress(envelope.verifierPublicKey as Hex);
    } catch {
      return;
    }
    if (!isAddressEqual(owner, envelope.verifier as Address))
      context.addIssue({
        code: "custom",
        path: ["verifierPublicKey"],
        message: `is the key of ${owner}, not of the verifier ${getAddress(envelope.verifier)}`,
      });
  });

export type AnswerKeyEnvelope = z.infer<typeof answerKeyEnvelopeSchema>;

/** `{ question id: index of the right option }`, for every question of the course. */
export type AnswerKey = Record<string, number>;

/** Where a course package carries its answer key, encrypted for the grader. */
export const ENCRYPTED_ANSWERS = "answers.enc";
/** The clear answer key an author keeps next to the package; never part of it. */
export const CLEAR_ANSWERS = "answers.json";

/** Checks `answers.enc`'s bytes (format and key-to-verifier agreement); throws a `FormatError`. */
export function parseAnswerKeyEnvelope(bytes: Uint8Array): AnswerKeyEnvelope {
  return parseJsonFormat(answerKeyEnvelopeSchema, bytes, ENCRYPTED_ANSWERS);
}

/** Encrypts `answers` (checked against `course`) for the verifier whose public key is given. */
export function encryptAnswerKey(
  courseJson: Uint8Array,
  course: Course,
  answers: AnswerKey,
  verifierPublicKey: Hex,
): Uint8Array {
  checkAnswerKey(course, answers);
  const verifierPoint = secp256k1.ProjectivePoint.fromHex(verifierPublicKey.slice(2)).toRawBytes(false);
  const ephemeral = secp256k1.utils.randomPrivateKey();
  const ephemeralPublicKey = secp256k1.getPublicKey(ephemeral, true);
  const key = deriveKey(
    secp256k1.getSharedSecret(ephemeral, verifierPoint),
    ephemeralPublicKey,
    verifierPoint,
  );
  const nonce = randomBytes(12);
  const ordered = Object.fromEntries(course.quiz.questions.map(({ id }) => [id, answers[id]]));
  const plaintext = new TextEncoder().encode(JSON.stringify(ordered));
  const envelope: AnswerKeyEnvelope = {
    scheme: ANSWER_KEY_SCHEME,
    verifier: publicKeyToAddress(bytesToHex(verifierPoint)),
    verifierPublicKey: bytesToHex(verifierPoint),
    ephemeralPublicKey: bytesToHex(ephemeralPublicKey),
    nonce: bytesToHex(nonce),
    ciphertext: bytesToHex(gcm(key, nonce, sha256(courseJson)).encrypt(plaintext)),
  };
  return new TextEncoder().encode(`${JSON.stringify(envelope, null, 2)}\n`);
}

/** Why an encrypted answer key cannot be used, in words a course author can act on. */
export class AnswerKeyError extends Error {
  override name = "AnswerKeyError";
}

/**
 * Decrypts `answers.enc` with the verifier's private key. Refuses (an `AnswerKeyError` saying
 * why) a key encrypted for another verifier than `verifierPrivateKey`'s, or than
 * `expectedVerifier` (the course's verifier on chain), and a package changed after encryption.
 */
export function decryptAnswerKey(
  courseJson: Uint8Array,
  course: Course,
  encrypted: Uint8Array,
  verifierPrivateKey: Hex,
  expectedVerifier: Address,
): AnswerKey {
  let envelope: AnswerKeyEnvelope;
  try {
    envelope = parseAnswerKeyEnvelope(encrypted);
  } catch (error) {
    throw new AnswerKeyError(error instanceof Error ? error.message : String(error));
  }
  const ownPublicKey = secp256k1.getPublicKey(hexToBytes(verifierPrivateKey), false);
  const own = publicKeyToAddress(bytesToHex(ownPublicKey));
  if (!isAddressEqual(envelope.verifier as Address, expectedVerifier)) {
    throw new AnswerKeyError(
      `${ENCRYPTED_ANSWERS}: the answer key is encrypted for ${getAddress(envelope.verifier)}, but the course's verifier is ${expectedVerifier}`,
    );
  }
  if (!isAddressEqual(envelope.verifier as Address, own)) {
    throw new AnswerKeyError(
      `${ENCRYPTED_ANSWERS}: the answer key is encrypted for ${getAddress(envelope.verifier)}, and this grader's key is ${own}`,
    );
  }
  const ephemeralPublicKey = hexToBytes(envelope.ephemeralPublicKey as Hex);
  let plaintext: Uint8Array;
  try {
    const shared = secp256k1.getSharedSecret(hexToBytes(verifierPrivateKey), ephemeralPublicKey);
    const key = deriveKey(shared, ephemeralPublicKey, ownPublicKey);
    plaintext = gcm(key, hexToBytes(envelope.nonce as Hex), sha256(courseJson)).decrypt(
      hexToBytes(envelope.ciphertext as Hex),
    );
  } catch {
    throw new AnswerKeyError(
      `${ENCRYPTED_ANSWERS}: the answer key does not decrypt: the package (its course.json or answers.enc) was changed after it was encrypted`,
    );
  }
  const answers = parseAnswers(plaintext, ENCRYPTED_ANSWERS);
  try {
    checkAnswerKey(course, answers);
  } catch (error) {
    throw new AnswerKeyError(error instanceof Error ? error.message : String(error));
  }
  return answers;
}

/** HKDF-SHA256 of the ECDH secret (the compressed shared point, without its prefix byte). */
function deriveKey(sharedPoint: Uint8Array, ephemeralPublicKey: Uint8Array, verifierPublicKey: Uint8Array) {
  const salt = new Uint8Array([...ephemeralPublicKey, ...verifierPublicKey]);
  return hkdf(sha256, sharedPoint.slice(1), salt, ANSWER_KEY_SCHEME, 32);
}

/** `answers.json`'s bytes as an object (not yet checked against a course). */
export function parseAnswers(bytes: Uint8Array, file: string = CLEAR_ANSWERS): AnswerKey {
  let key: unknown;
  try {
    key = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new FormatError([`${file}: not valid JSON`]);
  }
  if (typeof key !== "object" || key === null || Array.isArray(key)) {
    throw new FormatError([`${file}: expected an object of question id → option index`]);
  }
  return key as AnswerKey;
}

/** The answer key must answer exactly the quiz's questions, each with an option index 0–3. */
export function checkAnswerKey(course: Course, key: AnswerKey): void {
  const answers = new Map<string, unknown>(Object.entries(key));
  const issues: string[] = [];
  for (const [id, answer] of answers) {
    if (!course.quiz.questions.some((question) => question.id === id)) {
      issues.push(`${CLEAR_ANSWERS}: ${id}: not a question of course.json`);
    } else if (!(typeof answer === "number" && [0, 1, 2, 3].includes(answer))) {
      issues.push(`${CLEAR_ANSWERS}: ${id}: expected an option index 0–3`);
    }
  }
  for (const { id } of course.quiz.questions) {
    if (!answers.has(id)) issues.push(`${CLEAR_ANSWERS}: ${id}: no answer`);
  }
  if (issues.length > 0) throw new FormatError(issues);
}
