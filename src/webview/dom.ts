/**
 * The few DOM helpers the panel needs. Document text only ever goes in through `textContent`
 * (never `innerHTML`), so a heading like `<img src=x onerror=…>` stays text.
 */

type Attributes = Readonly<Record<string, string>>;

/** Creates an element with a class list and attributes; children are elements or plain text. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; attrs?: Attributes; text?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) el.setAttribute(name, value);
  if (props.text !== undefined) el.textContent = props.text;
  for (const child of children) el.append(child);
  return el;
}

/** Sets text only when it changed, so an update that changes nothing touches nothing. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Sets an attribute only when it changed. */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function setHidden(el: HTMLElement, hidden: boolean): void {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/**
 * Makes `container`'s children match `items`, keyed: an element whose key stays is kept and
 * updated in place (focus, hover and scroll stay with it), new keys get new elements, gone keys
 * are removed. Elements move only when the order changed.
 */
export function reconcile<T>(
  container: HTMLElement,
  items: readonly T[],
  keyOf: (item: T) => string,
  create: (item: T) => HTMLElement,
  update: (el: HTMLElement, item: T) => void,
): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children)) {
    if (child instanceof HTMLElement && child.dataset.key !== undefined) existing.set(child.dataset.key, child);
    else child.remove();
  }
  // Moving a focused element drops its focus; put it back afterwards.
  const focused = document.activeElement;
  let next: Element | null = container.firstElementChild;
  for (const item of items) {
    const key = keyOf(item);
    let el = existing.get(key);
    if (el) existing.delete(key);
    else {
      el = create(item);
      el.dataset.key = key;
    }
    update(el, item);
    if (el === next) next = next.nextElementSibling;
    else container.insertBefore(el, next);
  }
  for (const gone of existing.values()) gone.remove();
  if (focused instanceof HTMLElement && focused !== document.activeElement && focused.isConnected) focused.focus();
}
