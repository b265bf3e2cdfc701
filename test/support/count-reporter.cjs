// Mocha's spec output plus one machine-readable line that scripts/test-all.mjs sums:
//   @@pm-lens-counts {"passed":N,"failed":M}
'use strict';
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes = 0, failures = 0 } = runner.stats ?? {};
      console.log(`@@pm-lens-counts ${JSON.stringify({ passed: passes, failed: failures })}`);
    });
  }
}
module.exports = CountReporter;
