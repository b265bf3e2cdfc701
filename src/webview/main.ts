/**
 * The Ownership Summary page: draws what the host sends and sends back what the person does.
 * Every message that arrives is validated; anything unknown or malformed is ignored.
 */
import { parseToWebview, parseViewState, type ToHost, type ViewState } from '../shared/panelProtocol';
import { SummaryView } from './view';

/** The API VS Code gives a webview (once per page). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: ViewState = parseViewState(vscode.getState());

function saveState(partial: Partial<ViewState>): void {
  state = { ...state, ...partial };
  vscode.setState(state);
}

const root = document.getElementById('app') ?? document.body;
const view = new SummaryView(root, { post: (message: ToHost) => vscode.postMessage(message), saveState }, state);
// A restored panel shows its last picture at once; the host's answer replaces it.
if (state.model) view.render({ ...state.model, scope: state.scope });
restoreScroll(state.scrollTop);

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToWebview(event.data);
  if (!message) return;
  switch (message.type) {
    case 'update':
      view.render(message.model);
      break;
    case 'notice':
      view.showNotice(message.text);
      break;
  }
});

let scrollPending = false;
window.addEventListener(
  'scroll',
  () => {
    if (scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      saveState({ scrollTop: document.scrollingElement?.scrollTop ?? 0 });
    });
  },
  { passive: true },
);

vscode.postMessage({ type: 'ready', scope: state.scope } satisfies ToHost);

function restoreScroll(top: number): void {
  if (top > 0 && document.scrollingElement) document.scrollingElement.scrollTop = top;
}
