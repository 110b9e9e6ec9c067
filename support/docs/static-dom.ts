import escapeHtml from 'escape-html';

/**
 * Just enough of the DOM for the page script to build its pages at build time, so the living
 * documentation is complete as static HTML: elements, text, attributes and markup rendered at build
 * time (`innerHTML`, only ever markdown with raw HTML disabled). Event listeners are dropped: the
 * static page has no behaviour, the script adds it in the browser.
 */
export class StaticNode {}

class StaticText extends StaticNode {
  constructor(readonly text: string) {
    super();
  }

  write(html: string[]): void {
    html.push(escapeHtml(this.text));
  }
}

/** Elements that have no end tag. */
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link']);

export class StaticElement extends StaticNode {
  private readonly attributes = new Map<string, string>();
  private children: (StaticElement | StaticText)[] = [];
  private rawHtml: string | undefined;

  constructor(readonly tagName: string) {
    super();
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  addEventListener(): void {
    // No behaviour in a static page.
  }

  set innerHTML(html: string) {
    this.children = [];
    this.rawHtml = html;
  }

  set textContent(text: string) {
    this.rawHtml = undefined;
    this.children = [new StaticText(text)];
  }

  append(...nodes: (StaticElement | StaticText | string)[]): void {
    for (const node of nodes) this.children.push(typeof node === 'string' ? new StaticText(node) : node);
  }

  replaceChildren(...nodes: (StaticElement | StaticText | string)[]): void {
    this.children = [];
    this.rawHtml = undefined;
    this.append(...nodes);
  }

  get innerHtml(): string {
    if (this.rawHtml !== undefined) return this.rawHtml;
    const html: string[] = [];
    this.writeChildren(html);
    return html.join('');
  }

  toHtml(): string {
    const html: string[] = [];
    this.write(html);
    return html.join('');
  }

  /**
   * The element's markup, in pieces onto one list joined once: a page of 5,000 scenarios is about
   * 100,000 elements, whose markup joined at every level was copied once per level.
   */
  write(html: string[]): void {
    html.push('<', this.tagName);
    for (const [name, value] of this.attributes)
      html.push(value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`);
    html.push('>');
    if (VOID.has(this.tagName)) return;
    this.writeChildren(html);
    html.push('</', this.tagName, '>');
  }

  private writeChildren(html: string[]): void {
    if (this.rawHtml !== undefined) html.push(this.rawHtml);
    else for (const child of this.children) child.write(html);
  }
}

/**
 * The globals the page script uses, for running it in a `vm` context at build time; `emit` receives
 * each page as the build makes it (`staticBuild(STATIC_EMIT)`).
 */
export function staticGlobals(
  dataJson: string,
  emit: (route: string, page: StaticElement) => void,
): Record<string, unknown> {
  const byId = new Map<string, StaticElement>();
  const document = {
    createElement: (tag: string) => new StaticElement(tag),
    createTextNode: (text: string) => new StaticText(text),
    getElementById: (id: string) => {
      if (id === 'docs-data') return { textContent: dataJson };
      const element = byId.get(id) ?? new StaticElement('div');
      byId.set(id, element);
      return element;
    },
    title: '',
  };
  return {
    document,
    Node: StaticNode,
    // No page is the open one in the static build: the navigation marks none.
    location: { hash: '#-' },
    window: { addEventListener: () => undefined },
    STATIC_BUILD: true,
    STATIC_EMIT: emit,
  };
}
