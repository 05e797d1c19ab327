/**
 * Tiny element builders. Text only ever goes in through textContent or a control's value, so a
 * client named `<img src=x onerror=alert(1)>` shows as those characters; this page never uses
 * innerHTML (src/README.md, "Security").
 */

export type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  text?: string;
  /** Attributes set with setAttribute (aria-*, role, type, for, ...). */
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

let nextId = 0;

/** A page-unique id for label/for and aria-describedby pairs (never derived from data). */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) el.setAttribute(name, value);
  if (props.on) {
    for (const [type, handler] of Object.entries(props.on)) el.addEventListener(type, handler as EventListener);
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Node, children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function button(text: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const el = h('button', { ...props, text, attrs: { type: 'button', ...props.attrs } });
  el.addEventListener('click', onClick);
  return el;
}

/** A select whose options are [value, text] pairs. */
export function select(
  options: readonly (readonly [string, string])[],
  value: string,
  props: Props = {},
): HTMLSelectElement {
  const el = h('select', props);
  for (const [v, text] of options) {
    const option = h('option', { text });
    option.value = v;
    el.appendChild(option);
  }
  el.value = value;
  return el;
}

/** A message region that screen readers announce: role=alert for problems, status for news. */
export function message(kind: 'error' | 'ok' | 'info', text: string): HTMLElement {
  const role = kind === 'error' ? 'alert' : 'status';
  return h('div', { className: `message ${kind}`, text, attrs: { role } });
}
