// A streaming walk over an XML part (htmlparser2 in XML mode): no DOM is built,
// which keeps a 5000-row worksheet cheap. Element and attribute names arrive
// without their namespace prefix ('w:p' → 'p', 'r:id' → 'id'): OOXML writers
// differ in the prefixes they use, never in the local names.
import { Parser } from 'htmlparser2';

export interface XmlHandler {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  /** character data, entities decoded; may arrive in several calls for one text node */
  text?(text: string): void;
}

export function walkXml(xml: string, handler: XmlHandler): void {
  const parser = new Parser(
    {
      onopentag: handler.open ? (name, attribs) => handler.open!(local(name), localAttrs(attribs)) : undefined,
      onclosetag: handler.close ? (name) => handler.close!(local(name)) : undefined,
      ontext: handler.text,
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}

function local(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function localAttrs(attribs: Record<string, string>): Record<string, string> {
  let prefixed = false;
  for (const key in attribs) if (key.includes(':') || key.startsWith('xmlns')) prefixed = true;
  if (!prefixed) return attribs; // most worksheet cells: r, s, t
  const out: Record<string, string> = {};
  for (const key in attribs) {
    if (key.startsWith('xmlns')) continue;
    out[local(key)] = attribs[key];
  }
  return out;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR); '_x005F_' escapes the underscore. */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Whether an OOXML boolean attribute is set ('1', 'true', 'on'); absent means `absent`. */
export function xmlBool(value: string | undefined, absent = false): boolean {
  if (value === undefined) return absent;
  return value === '1' || value === 'true' || value === 'on';
}
