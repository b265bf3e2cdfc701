"use strict";
/**
 * The Ownership Summary page's HTML: a strict CSP, one nonce'd script, one stylesheet, and an
 * empty mount point the script fills. No editor import, so tests render the very same page.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.makeNonce = makeNonce;
exports.panelCsp = panelCsp;
exports.panelHtml = panelHtml;
/**
 * A nonce of 128 random bits. `crypto.getRandomValues` is the Web Crypto CSPRNG, which the
 * desktop extension host (Node's global `crypto`, the source of `randomBytes`) and the web
 * extension host (a browser worker) both have; `Math.random` would be guessable.
 */
function makeNonce() {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    let hex = '';
    for (const b of bytes)
        hex += b.toString(16).padStart(2, '0');
    return hex;
}
/** The Content-Security-Policy: nothing but our own script (by nonce) and stylesheet. */
function panelCsp(cspSource, nonce) {
    return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`].join('; ');
}
function panelHtml(options) {
    const attr = escapeAttribute;
    return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(options.cspSource, options.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attr(options.styleUri)}">
  <title>Ownership Summary</title>
</head>
<body>
  <div id="app"></div>
  <script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}
function escapeAttribute(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
//# sourceMappingURL=summaryPanelHtml.js.map