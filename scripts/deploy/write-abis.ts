// npm run abis — compiles the contracts (the npm script runs `hardhat build` first) and writes
// protocol/abis.ts from them. Run it after changing a contract's interface, and commit the result.
import { ABIS_MODULE, writeAbis } from "./abis";

await writeAbis();
console.log(`Wrote ${ABIS_MODULE}`);
