// Mocha's spec reporter plus the plain closing line CI reads: "N passed, N failed".
"use strict";
const Mocha = require("mocha");

class AzoraReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => failed++);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      // After the spec reporter's own epilogue.
      setImmediate(() => process.stdout.write(`\n${passed} passed, ${failed} failed\n`));
    });
  }
}

module.exports = AzoraReporter;
