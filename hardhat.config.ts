import { createRequire } from "node:module";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatViemAssertions from "@nomicfoundation/hardhat-viem-assertions";
import { defineConfig } from "hardhat/config";

// The `solc` npm package ships the wasm compiler: pointing every build profile at it means
// Hardhat never downloads a compiler, so builds work offline.
const soljson = createRequire(import.meta.url).resolve("solc/soljson.js");
const compiler = {
  version: "0.8.28",
  path: soljson,
  settings: { optimizer: { enabled: true, runs: 1000 }, evmVersion: "cancun" },
};

export default defineConfig({
  plugins: [hardhatViem, hardhatViemAssertions, hardhatNetworkHelpers, hardhatMocha],
  solidity: {
    profiles: {
      default: compiler,
      production: compiler,
    },
  },
  paths: {
    tests: { mocha: "test" },
  },
  test: {
    mocha: {
      timeout: 600_000,
      reporter: "./test/support/reporter.cjs",
    },
  },
});
