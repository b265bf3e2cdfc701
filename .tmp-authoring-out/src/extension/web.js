"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.activate = activate;
exports.deactivate = deactivate;
const activate_1 = require("./activate");
const completion_1 = require("./completion");
const templates_1 = require("./templates");
function activate(context) {
    const api = (0, activate_1.activateCommon)(context);
    (0, templates_1.registerTemplateCommands)(context);
    (0, completion_1.registerCompletion)(context, api.configs);
    return api;
}
function deactivate() { }
//# sourceMappingURL=web.js.map