"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadConfigFor = loadConfigFor;
const defaults_1 = require("./defaults");
const parse_1 = require("./parse");
/** A guard against a host whose `dirname` never reaches a root. */
const MAX_LEVELS = 128;
/**
 * Finds the `.pmlens.json` nearest to `filePath` up the folder tree, not above `stopAt` (the
 * workspace folder), and reads it over `base` (the editor's settings over the defaults). No file
 * means `base`. A file outside `stopAt` gets no configuration file at all.
 */
async function loadConfigFor(filePath, host, stopAt, base = defaults_1.defaultConfig) {
    const none = { config: base, settings: {}, problems: [], file: undefined };
    const stop = stopAt !== undefined ? normalize(stopAt) : undefined;
    let dir = host.dirname(filePath);
    for (let level = 0; level < MAX_LEVELS; level++) {
        const here = normalize(dir);
        if (stop !== undefined && here !== stop && !here.startsWith(stop.endsWith('/') ? stop : stop + '/'))
            return none;
        const candidate = host.join(dir, defaults_1.CONFIG_FILE_NAME);
        let text;
        try {
            text = await host.readFile(candidate);
        }
        catch {
            text = undefined;
        }
        if (text !== undefined)
            return { ...(0, parse_1.parseConfigText)(text, candidate, base), file: candidate };
        if (here === stop)
            return none;
        const parent = host.dirname(dir);
        if (parent === dir || parent === '')
            return none;
        dir = parent;
    }
    return none;
}
/** Forward slashes, no trailing slash (except a bare root), so paths compare as strings. */
function normalize(path) {
    const forward = path.replace(/\\/g, '/');
    return forward.length > 1 ? forward.replace(/\/+$/, '') || '/' : forward;
}
//# sourceMappingURL=load.js.map