"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineIndex = exports.ruleDocUrl = exports.ruleIds = exports.rules = exports.defaultConfig = exports.analyze = void 0;
/** The public face of the core: everything the CLI and the extension use. */
var analyze_1 = require("./analyze");
Object.defineProperty(exports, "analyze", { enumerable: true, get: function () { return analyze_1.analyze; } });
var defaults_1 = require("./config/defaults");
Object.defineProperty(exports, "defaultConfig", { enumerable: true, get: function () { return defaults_1.defaultConfig; } });
var registry_1 = require("./rules/registry");
Object.defineProperty(exports, "rules", { enumerable: true, get: function () { return registry_1.rules; } });
Object.defineProperty(exports, "ruleIds", { enumerable: true, get: function () { return registry_1.ruleIds; } });
var rule_1 = require("./rules/rule");
Object.defineProperty(exports, "ruleDocUrl", { enumerable: true, get: function () { return rule_1.ruleDocUrl; } });
var text_1 = require("./text");
Object.defineProperty(exports, "LineIndex", { enumerable: true, get: function () { return text_1.LineIndex; } });
//# sourceMappingURL=index.js.map