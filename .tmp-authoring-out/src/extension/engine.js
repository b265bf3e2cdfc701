"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rules = exports.tagAllSectionsEdits = exports.sectionHover = exports.sectionAtHeadingLine = exports.lensTitle = exports.disableRuleFix = exports.commentHover = exports.balanceOf = exports.isPlanDocument = exports.parseConfigText = exports.loadConfigFor = exports.defaultConfig = exports.readConfigSettings = exports.applySettings = exports.analyze = void 0;
/**
 * Everything the extension calls in the core, in one module that is loaded on first use, not at
 * activation: the core builds its schemas and taxonomy when it loads, and activation must stay
 * cheap. Other files import core *types* freely but reach core *code* only through `engine()`.
 */
var analyze_1 = require("../core/analyze");
Object.defineProperty(exports, "analyze", { enumerable: true, get: function () { return analyze_1.analyze; } });
var settings_1 = require("../core/config/settings");
Object.defineProperty(exports, "applySettings", { enumerable: true, get: function () { return settings_1.applySettings; } });
Object.defineProperty(exports, "readConfigSettings", { enumerable: true, get: function () { return settings_1.readSettings; } });
var defaults_1 = require("../core/config/defaults");
Object.defineProperty(exports, "defaultConfig", { enumerable: true, get: function () { return defaults_1.defaultConfig; } });
var load_1 = require("../core/config/load");
Object.defineProperty(exports, "loadConfigFor", { enumerable: true, get: function () { return load_1.loadConfigFor; } });
var parse_1 = require("../core/config/parse");
Object.defineProperty(exports, "parseConfigText", { enumerable: true, get: function () { return parse_1.parseConfigText; } });
var detect_1 = require("../core/detect");
Object.defineProperty(exports, "isPlanDocument", { enumerable: true, get: function () { return detect_1.isPlanDocument; } });
var explain_1 = require("../core/explain");
Object.defineProperty(exports, "balanceOf", { enumerable: true, get: function () { return explain_1.balanceOf; } });
Object.defineProperty(exports, "commentHover", { enumerable: true, get: function () { return explain_1.commentHover; } });
Object.defineProperty(exports, "disableRuleFix", { enumerable: true, get: function () { return explain_1.disableRuleFix; } });
Object.defineProperty(exports, "lensTitle", { enumerable: true, get: function () { return explain_1.lensTitle; } });
Object.defineProperty(exports, "sectionAtHeadingLine", { enumerable: true, get: function () { return explain_1.sectionAtHeadingLine; } });
Object.defineProperty(exports, "sectionHover", { enumerable: true, get: function () { return explain_1.sectionHover; } });
var fixes_1 = require("../core/fixes");
Object.defineProperty(exports, "tagAllSectionsEdits", { enumerable: true, get: function () { return fixes_1.tagAllSectionsEdits; } });
var registry_1 = require("../core/rules/registry");
Object.defineProperty(exports, "rules", { enumerable: true, get: function () { return registry_1.rules; } });
//# sourceMappingURL=engine.js.map