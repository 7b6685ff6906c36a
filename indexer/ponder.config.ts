// Ponder's generated ponder-env.d.ts types the project from `<root>/ponder.config.ts`; the real
// config lives at the repository root (see ../ponder.config.ts).
export { default } from "../ponder.config";
