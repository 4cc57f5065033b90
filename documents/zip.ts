// The ZIP container of XLSX and DOCX files, read defensively: the central
// directory is parsed here so that declared sizes can be checked before
// anything is inflated (zip bombs), and each part is inflated in small steps
// with a hard cap, so a part that lies about its size is stopped early.
// Also: OOXML relationships, and the errors for OLE (encrypted / legacy) files.
import { Inflate } from 'fflate';
import { DocumentError } from '../core/document.ts';
import { walkXml } from './xml.ts';

/** Most uncompressed XML Sumi inflates from one file. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** Compression ratio above which a large archive is refused as a likely zip bomb. */
export const MAX_RATIO = 200;
/** Archives whose XML is smaller than this are not judged by ratio (small, repetitive sheets compress very well). */
const RATIO_FLOOR = 10 * 1024 * 1024;
/** Compressed bytes pushed per inflate step: deflate expands at most ~1032:1, so one step yields ≤ ~16 MB. */
const STEP = 16 * 1024;

interface Entry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** OLE2 / Compound File Binary: legacy .doc/.xls, and the wrapper of password-protected OOXML. */
export function isOle(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/** The error to show for an OLE file: password-protected Office file, or a legacy format. */
export function oleError(bytes: Uint8Array): DocumentError {
  const has = (name: string) => indexOfUtf16(bytes, name) !== -1;
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    return new DocumentError('password-protected Office file: Sumi cannot read encrypted documents; remove the password (File > Info > Protect) and scan the file again', 'encrypted');
  }
  if (has('WordDocument')) return new DocumentError('legacy Word 97-2003 document (.doc) is not supported: save it as .docx and scan again', 'unsupported');
  if (has('Workbook') || has('Book')) return new DocumentError('legacy Excel 97-2003 workbook (.xls) is not supported: save it as .xlsx and scan again', 'unsupported');
  if (has('PowerPoint Document')) return new DocumentError('PowerPoint presentations are not supported', 'unsupported');
  return new DocumentError('an OLE compound file (legacy Office or similar) that Sumi cannot read', 'unsupported');
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  /** Opens an archive; `what` names the expected format in error messages ('XLSX'). */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {
    if (isOle(bytes)) throw oleError(bytes);
    if (!isZip(bytes)) throw new DocumentError(`not a valid ${what} file: it is not a ZIP container`, 'corrupt');
    let entries: Entry[];
    try {
      entries = readCentralDirectory(bytes, what);
    } catch (err) {
      if (err instanceof RangeError) throw damaged(what); // a field pointed past the end
      throw err;
    }
    for (const e of entries) this.entries.set(e.name.toLowerCase(), e);
    checkDeclaredSizes(
      [...this.entries.values()].filter((e) => /\.(xml|rels)$/i.test(e.name)),
      what,
    );
  }

  /** Part names as stored, in archive order. */
  get names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** OOXML part names are case-insensitive. */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name.toLowerCase());
    if (!e) return undefined;
    if (e.encrypted) throw new DocumentError(`password-protected ${this.what}: its parts are encrypted`, 'encrypted');
    if (this.inflated + e.size > MAX_INFLATED_BYTES) throw tooLarge(this.what);
    const data = compressedData(this.bytes, e, this.what);
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else if (e.method === 8) out = inflateCapped(data, e.size, this.what);
    else throw new DocumentError(`${this.what} part ${e.name} uses an unsupported compression method (${e.method})`, 'unsupported');
    this.inflated += out.length;
    return out;
  }

  /** A part as text: XML parts are UTF-8, or UTF-16 with a BOM. */
  text(name: string): string | undefined {
    const data = this.read(name);
    if (!data) return undefined;
    const utf16 = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : null;
    return new TextDecoder(utf16 ?? 'utf-8').decode(data);
  }
}

function tooLarge(what: string): DocumentError {
  return new DocumentError(`${what} file expands to more than ${MAX_INFLATED_BYTES / 1048576} MB of content (possible zip bomb); not read`, 'too-large');
}

function checkDeclaredSizes(entries: Entry[], what: string): void {
  let size = 0;
  let compressed = 0;
  for (const e of entries) {
    size += e.size;
    compressed += e.compressedSize;
  }
  if (size > MAX_INFLATED_BYTES) throw tooLarge(what);
  if (size > RATIO_FLOOR && size > compressed * MAX_RATIO) {
    throw new DocumentError(`${what} file is compressed ${Math.round(size / Math.max(compressed, 1))}:1 (possible zip bomb); not read`, 'too-large');
  }
}

function inflateCapped(data: Uint8Array, size: number, what: string): Uint8Array {
  const out = new Uint8Array(size);
  let pos = 0;
  const inflate = new Inflate((chunk) => {
    // more output than the directory declared: a lying entry, stop now
    if (pos + chunk.length > size) throw tooLarge(what);
    out.set(chunk, pos);
    pos += chunk.length;
  });
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError(`${what} file is damaged: a part cannot be decompressed`, 'corrupt');
  }
  if (pos !== size) throw new DocumentError(`${what} file is damaged: a part is shorter than declared`, 'corrupt');
  return out;
}

function compressedData(bytes: Uint8Array, e: Entry, what: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged(what);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw damaged(what);
  return bytes.subarray(start, start + e.compressedSize);
}

function damaged(what: string): DocumentError {
  return new DocumentError(`${what} file is damaged (truncated or not a valid ZIP archive)`, 'corrupt');
}

function readCentralDirectory(bytes: Uint8Array, what: string): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x100000000;

  // end of central directory record: last 22 bytes plus up to 64 KB of comment
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw damaged(what);
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12); // ZIP64 end of central directory record
    if (z + 56 > bytes.length || u32(z) !== 0x06064b50) throw damaged(what);
    count = u64(z + 32);
    offset = u64(z + 48);
  }

  const entries: Entry[] = [];
  const names = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(p) !== 0x02014b50) throw damaged(what);
    const flags = u16(p + 8);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const entry: Entry = {
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: u16(p + 10),
      encrypted: (flags & 1) !== 0,
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      localOffset: u32(p + 42),
    };
    // ZIP64 extra field: 64-bit values for whichever 32-bit fields are saturated
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(x);
      const len = u16(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (entry.size === 0xffffffff) {
          entry.size = u64(f);
          f += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(f);
          f += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = u64(f);
      }
      x += 4 + len;
    }
    if (!entry.name.endsWith('/')) entries.push(entry);
    p = xEnd + u16(p + 32);
  }
  return entries;
}

function indexOfUtf16(bytes: Uint8Array, text: string): number {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return i;
  }
  return -1;
}

// ---- OOXML packaging: relationships between parts ----

export interface Relationship {
  type: string;
  /** the target as a part name inside the archive (no leading slash), or the raw target when external */
  target: string;
  external: boolean;
}

/** The relationships of `part` (from its _rels/<name>.rels), by id, in file order. */
export function readRels(zip: ZipArchive, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const relsPath = part === '' ? '_rels/.rels' : `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  const xml = zip.text(relsPath);
  if (!xml) return rels;
  walkXml(xml, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      const external = a.TargetMode === 'External';
      rels.set(a.Id, { type: a.Type ?? '', target: external ? a.Target : resolvePart(part, a.Target), external });
    },
  });
  return rels;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolvePart(base: string, target: string): string {
  const decoded = safeDecodeUri(target);
  const path = decoded.startsWith('/') ? decoded.slice(1) : base.slice(0, base.lastIndexOf('/') + 1) + decoded;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** The package's main document part (the officeDocument relationship of _rels/.rels). */
export function mainPart(zip: ZipArchive): string | undefined {
  for (const rel of readRels(zip, '').values()) {
    if (rel.type.endsWith('/officeDocument') && zip.has(rel.target)) return rel.target;
  }
  return undefined;
}

/** Targets of `part`'s relationships whose type ends with `/kind`, in file order. */
export function relatedParts(rels: Map<string, Relationship>, kind: string): string[] {
  return [...rels.values()].filter((r) => !r.external && r.type.endsWith(`/${kind}`)).map((r) => r.target);
}
