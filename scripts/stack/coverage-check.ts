// Run by `npm test` after `hardhat test mocha --coverage`: reads coverage/lcov.info and fails unless
// every line of contracts/ (mocks and benchmark helpers in contracts/test/ excluded) ran. Hardhat 3's
// coverage measures lines and statements, not branches.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "./paths";

const lcov = await readFile(path.join(REPO_ROOT, "coverage", "lcov.info"), "utf8");
const files = lcov
  .split("end_of_record")
  .map((record) => ({
    file: /^SF:(.*)$/m.exec(record)?.[1],
    found: Number(/^LF:(\d+)$/m.exec(record)?.[1] ?? 0),
    hit: Number(/^LH:(\d+)$/m.exec(record)?.[1] ?? 0),
  }))
  .filter(({ file }) => file?.startsWith("contracts/") && !file.startsWith("contracts/test/"));
const found = files.reduce((sum, { found }) => sum + found, 0);
const hit = files.reduce((sum, { hit }) => sum + hit, 0);
const short = files.filter((f) => f.hit < f.found);
console.log(
  `Coverage of contracts/ (contracts/test/ excluded): ${((100 * hit) / Math.max(found, 1)).toFixed(2)}% of ${found} lines in ${files.length} files`,
);
for (const { file, hit, found } of short) console.log(`  ${file}: ${hit} of ${found} lines`);
if (files.length === 0 || short.length > 0) process.exit(1);
