"use strict";
/**
 * The shapes every part of PM Lens shares: the core produces them, the CLI prints them, the
 * extension maps them to editor objects. Nothing here depends on an editor.
 */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map