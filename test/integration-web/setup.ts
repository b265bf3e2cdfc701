/** Loads Mocha's browser build (it sets the global `mocha`) and gives it the BDD globals. */
import 'mocha/mocha.js';

// The browser build's default reporter draws HTML; a worker has no DOM, and the spec reporter's
// lines reach the runner's stdout through the extension host's console.
mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
