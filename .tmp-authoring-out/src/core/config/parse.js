"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseConfigText = parseConfigText;
const text_1 = require("../text");
const defaults_1 = require("./defaults");
const json_1 = require("./json");
const settings_1 = require("./settings");
/**
 * Reads the text of a `.pmlens.json` over `base` (the weaker sources merged: the editor's
 * settings over the defaults). Never throws: a syntax error leaves the base as it is, an invalid
 * part is dropped and reported where it stands.
 */
function parseConfigText(text, fileName, base = defaults_1.defaultConfig) {
    const lines = new text_1.LineIndex(text);
    const { root, error } = (0, json_1.parseJson)(text);
    if (!root) {
        const problem = {
            message: `${fileName} is not valid JSON: ${error?.message ?? 'unreadable'}; the file is ignored`,
            range: lines.range(error?.start ?? 0, error?.end ?? 0),
            severity: 'error',
            path: [],
        };
        return { config: base, settings: {}, problems: [problem], file: fileName };
    }
    const problems = [];
    const report = (path, message, severity, at) => {
        problems.push({ message, severity, path, range: rangeOf(root, path, at, lines) });
    };
    const settings = (0, settings_1.readSettings)((0, json_1.jsonValue)(root), report);
    const config = (0, settings_1.applySettings)(base, settings, report);
    problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return { config, settings, problems, file: fileName };
}
/**
 * Where a path stands in the file: the key when the key is at fault or the value spans lines,
 * else the value. A path that no longer exists falls back to its nearest existing parent.
 */
function rangeOf(root, path, at, lines) {
    for (let length = path.length; length >= 0; length--) {
        const found = (0, json_1.jsonNodeAt)(root, path.slice(0, length));
        if (!found)
            continue;
        const { node, property } = found;
        const multiline = lines.positionAt(node.offset).line !== lines.positionAt(node.end).line;
        if (property && (at === 'key' || length < path.length || multiline))
            return lines.range(property.keyStart, property.keyEnd);
        return lines.range(node.offset, node.end);
    }
    return lines.range(0, 0);
}
//# sourceMappingURL=parse.js.map