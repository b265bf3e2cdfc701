"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.Logger = void 0;
exports.guard = guard;
exports.guardListener = guardListener;
const vscode = __importStar(require("vscode"));
const constants_1 = require("./constants");
/**
 * The "PM Lens" output channel: which configuration was loaded, configuration errors and any
 * error a handler caught. PM Lens never shows a modal popup; this is where it speaks.
 */
class Logger {
    channel;
    constructor() {
        this.channel = vscode.window.createOutputChannel(constants_1.OUTPUT_CHANNEL_NAME, { log: true });
    }
    info(message) {
        this.channel.info(message);
    }
    warn(message) {
        this.channel.warn(message);
    }
    /** Logs an error with what was being done; never rethrows. */
    error(what, error) {
        const detail = error instanceof Error ? error.stack ?? error.message : String(error);
        this.channel.error(`${what}: ${detail}`);
    }
    show() {
        this.channel.show(true);
    }
    dispose() {
        this.channel.dispose();
    }
}
exports.Logger = Logger;
/**
 * Wraps a handler so nothing it throws (or rejects with) reaches the extension host: the error
 * goes to the output channel and the handler returns `fallback`.
 */
function guard(log, what, fn, fallback) {
    return async (...args) => {
        try {
            return await fn(...args);
        }
        catch (error) {
            if (!isCancellation(error))
                log.error(what, error);
            return fallback;
        }
    };
}
/** The same as `guard` for event listeners, which return nothing and must not be async-awaited. */
function guardListener(log, what, fn) {
    return (...args) => {
        try {
            const result = fn(...args);
            if (result instanceof Promise)
                result.catch((error) => log.error(what, error));
        }
        catch (error) {
            log.error(what, error);
        }
    };
}
function isCancellation(error) {
    return error instanceof vscode.CancellationError;
}
//# sourceMappingURL=log.js.map