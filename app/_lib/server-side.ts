// The `server-only` marker for the modules the verifier pages (Pages Router, pages/) import as
// well: Next refuses `server-only` there. A module that imports this one throws in a browser, and
// the shell's browser test checks that no private URL reaches a bundle.
if (typeof window !== "undefined") {
  throw new Error("This module runs on the server only: it may read private URLs or keys.");
}

export {};
