"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WholeTextAnalyzer = void 0;
exports.createAnalyzer = createAnalyzer;
const lazy_1 = require("./lazy");
/** Analyses the whole text every time. */
class WholeTextAnalyzer {
    async analyze(request) {
        return (0, lazy_1.engine)().analyze(request.text, { config: request.config, facts: request.facts });
    }
    forget() { }
}
exports.WholeTextAnalyzer = WholeTextAnalyzer;
/** The analyzer the extension uses. */
function createAnalyzer() {
    return new WholeTextAnalyzer();
}
//# sourceMappingURL=analyzer.js.map