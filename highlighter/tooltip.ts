// A tooltip naming a finding's kind and why it was flagged, shown on hover and
// when keyboard navigation moves to a finding.

export class Tooltip {
  private readonly el: HTMLElement;

  constructor(shadow: ShadowRoot) {
    const style = document.createElement('style');
    style.textContent = `.tip{position:absolute;max-width:360px;padding:4px 8px;border-radius:4px;background:#1f2328;color:#fff;
      font:12px/1.4 system-ui,"Noto Sans CJK JP",sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.3);pointer-events:none;white-space:pre-line}
      .tip[hidden]{display:none}`;
    this.el = document.createElement('div');
    this.el.className = 'tip';
    this.el.setAttribute('role', 'tooltip');
    this.el.id = 'sumi-tooltip';
    this.el.hidden = true;
    shadow.append(style, this.el);
  }

  /** Shows text just below a rectangle given in viewport coordinates. */
  show(text: string, rect: DOMRect): void {
    this.el.textContent = text;
    this.el.style.left = `${rect.left + window.scrollX}px`;
    this.el.style.top = `${rect.bottom + window.scrollY + 4}px`;
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
