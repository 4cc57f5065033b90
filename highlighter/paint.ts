// Paints findings with the CSS Custom Highlight API (the page's DOM is never
// rewritten) and outlines form fields, where highlights cannot reach, with
// boxes in Sumi's own shadow root.
import type { Severity } from '../core/findings.ts';
import { SEVERITIES } from '../core/findings.ts';
import { SUMI_HOST_ATTR } from './dom-text.ts';

export const HIGHLIGHT_PREFIX = 'sumi-';

const COLOURS: Record<Severity, string> = {
  critical: 'rgba(220, 20, 60, 0.38)',
  high: 'rgba(255, 140, 0, 0.35)',
  medium: 'rgba(255, 215, 0, 0.40)',
  low: 'rgba(100, 149, 237, 0.30)',
};

function pageStyles(blur: boolean): string {
  const rules = SEVERITIES.map((s) =>
    blur
      ? `::highlight(${HIGHLIGHT_PREFIX}${s}) { color: transparent; background-color: rgba(128,128,128,0.25); text-shadow: 0 0 7px rgba(0,0,0,0.9); }`
      : `::highlight(${HIGHLIGHT_PREFIX}${s}) { background-color: ${COLOURS[s]}; ${s === 'critical' ? 'text-decoration: underline 2px wavy crimson;' : ''} }`,
  );
  rules.push(`::highlight(${HIGHLIGHT_PREFIX}current) { background-color: rgba(30, 144, 255, 0.55); color: inherit; text-shadow: none; }`);
  return rules.join('\n');
}

/** A Highlight of many ranges (added one by one: spreading thousands of arguments can overflow the stack). */
function highlightOf(ranges: Range[]): Highlight {
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  return highlight;
}

export interface FieldMark {
  element: Element;
  severity: Severity;
}

/** Owns the page's Sumi highlights, the style sheet they need and the field boxes. */
export class Painter {
  private readonly sheet = new CSSStyleSheet();
  private host: HTMLElement | null = null;
  private boxes: HTMLElement | null = null;
  private fields: FieldMark[] = [];
  blur = false;

  constructor(private readonly doc: Document) {
    this.sheet.replaceSync(pageStyles(false));
    this.adopt();
  }

  /**
   * The highlight styles must live in the page's own style sheets to apply to its text.
   * Created with the Painter, at document_start: a sheet added to a styled page makes
   * every style stale, and a 1 MB page then pays a full recalculation (hundreds of ms)
   * at the first paint. Added again if the page has replaced its adopted sheets since.
   */
  private adopt(): void {
    if (!this.doc.adoptedStyleSheets.includes(this.sheet)) this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
  }

  setBlur(blur: boolean): void {
    if (blur === this.blur) return; // a new rule text restyles the whole page
    this.blur = blur;
    this.sheet.replaceSync(pageStyles(blur));
    this.placeFieldBoxes();
  }

  paint(ranges: { range: Range; severity: Severity }[], fields: FieldMark[]): void {
    if (ranges.length) this.adopt();
    const bySeverity = new Map<Severity, Range[]>();
    for (const r of ranges) {
      const list = bySeverity.get(r.severity) ?? [];
      list.push(r.range);
      bySeverity.set(r.severity, list);
    }
    for (const s of SEVERITIES) {
      const list = bySeverity.get(s);
      if (list?.length) CSS.highlights.set(HIGHLIGHT_PREFIX + s, highlightOf(list));
      else CSS.highlights.delete(HIGHLIGHT_PREFIX + s);
    }
    this.fields = fields;
    this.placeFieldBoxes();
  }

  /** Marks one finding as the current one (keyboard navigation). */
  setCurrent(range: Range | null): void {
    if (range) CSS.highlights.set(`${HIGHLIGHT_PREFIX}current`, new Highlight(range));
    else CSS.highlights.delete(`${HIGHLIGHT_PREFIX}current`);
  }

  clear(): void {
    for (const s of SEVERITIES) CSS.highlights.delete(HIGHLIGHT_PREFIX + s);
    CSS.highlights.delete(`${HIGHLIGHT_PREFIX}current`);
    this.fields = [];
    this.placeFieldBoxes();
  }

  /** Sumi's own shadow root for boxes and the tooltip; never read by the scanner. */
  shadow(): ShadowRoot {
    if (!this.host) {
      this.host = this.doc.createElement('sumi-overlay');
      this.host.setAttribute(SUMI_HOST_ATTR, '');
      this.host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;z-index:2147483646;';
      const shadow = this.host.attachShadow({ mode: 'open' });
      this.boxes = this.doc.createElement('div');
      shadow.append(this.boxes);
      this.doc.documentElement.append(this.host);
    }
    return this.host.shadowRoot!;
  }

  /** Boxes around fields, in document coordinates; called again on resize. */
  placeFieldBoxes(): void {
    if (!this.fields.length && !this.boxes) return;
    this.shadow();
    const boxes = this.boxes!;
    boxes.replaceChildren();
    const sx = this.doc.defaultView?.scrollX ?? 0;
    const sy = this.doc.defaultView?.scrollY ?? 0;
    for (const f of this.fields) {
      const r = f.element.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      const box = this.doc.createElement('div');
      const colour = COLOURS[f.severity].replace(/[\d.]+\)$/, '1)');
      box.style.cssText =
        `position:absolute;pointer-events:none;left:${r.left + sx - 3}px;top:${r.top + sy - 3}px;width:${r.width + 6}px;height:${r.height + 6}px;` +
        `border:3px solid ${colour};border-radius:4px;box-sizing:border-box;` +
        (this.blur ? 'backdrop-filter:blur(6px);background:rgba(128,128,128,0.3);' : '');
      box.dataset.sumiField = f.severity;
      boxes.append(box);
    }
  }
}
