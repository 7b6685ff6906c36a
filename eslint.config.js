import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "artifacts/",
      "cache/",
      ".next/",
      ".azora/",
      "next-env.d.ts",
      "indexer/.ponder/",
      "indexer/generated/",
      "indexer/ponder-env.d.ts",
      "deployments/",
      "protocol/abis.ts",
      "coverage/",
      "public/sw.js",
      "public/sw.js.map",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", setImmediate: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
