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
const assert = __importStar(require("node:assert/strict"));
const args_1 = require("../../src/cli/args");
describe('cli: arguments', function () {
    it('reads a command, inputs and every option', function () {
        assert.deepEqual((0, args_1.parseCli)(['check', 'a.md', '**/*.md', '--format', 'sarif', '--config', 'c.json', '--fail-on', 'warning', '--all', '--quiet']), {
            type: 'run',
            options: { command: 'check', inputs: ['a.md', '**/*.md'], format: 'sarif', config: 'c.json', failOn: 'warning', all: true, quiet: true },
        });
    });
    it('defaults to text, error, no config, not all, not quiet', function () {
        assert.deepEqual((0, args_1.parseCli)(['analyze']), {
            type: 'run',
            options: { command: 'analyze', inputs: [], format: 'text', config: undefined, failOn: 'error', all: false, quiet: false },
        });
    });
    it('takes options before the command, --opt=value, and files after --', function () {
        const parsed = (0, args_1.parseCli)(['--format=json', 'summary', '--', '--odd-name.md']);
        assert.equal(parsed.type, 'run');
        if (parsed.type === 'run') {
            assert.equal(parsed.options.format, 'json');
            assert.deepEqual(parsed.options.inputs, ['--odd-name.md']);
        }
    });
    it('answers --help, help and --version before anything else', function () {
        assert.deepEqual((0, args_1.parseCli)(['--help']), { type: 'help' });
        assert.deepEqual((0, args_1.parseCli)(['check', '-h']), { type: 'help' });
        assert.deepEqual((0, args_1.parseCli)(['help']), { type: 'help' });
        assert.deepEqual((0, args_1.parseCli)(['--version']), { type: 'version' });
    });
    it('turns every mistake into a usage error, never an exception', function () {
        const cases = [
            [[], /Missing command/],
            [['fix'], /Unknown command 'fix'/],
            [['check', '--nope'], /nope/],
            [['check', '--format', 'xml'], /Unknown format 'xml'/],
            [['summary', '--format', 'sarif'], /'summary' cannot write sarif: use text, json, markdown/],
            [['check', '--fail-on', 'critical'], /Unknown --fail-on 'critical'/],
            [['check', '--config'], /--config/],
            [['check', '--config='], /--config needs a file/],
            [['check', '--all=yes'], /all/],
        ];
        for (const [argv, message] of cases) {
            const parsed = (0, args_1.parseCli)(argv);
            assert.equal(parsed.type, 'usage-error', argv.join(' '));
            if (parsed.type === 'usage-error')
                assert.match(parsed.message, message);
        }
    });
});
//# sourceMappingURL=cli-args.test.js.map