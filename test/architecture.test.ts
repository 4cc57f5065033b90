// The layer rules of the README's architecture map, enforced over the
// TypeScript imports of the tree: each top-level folder may import only from
// the folders listed for it, so the model stays the ground floor and nothing
// lower reaches up. Static and dynamic imports and `export … from` all count.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

/** Folder → the folders it may import from (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  engine: ['core'],
  detectors: ['core', 'engine'],
  layout: ['core'],
  documents: ['core', 'layout'],
  pages: ['core', 'documents'],
  ocr: ['core', 'documents', 'layout', 'pages'],
  review: ['core'],
  export: ['core', 'documents', 'pages', 'review'],
  extension: ['core', 'engine'],
  pipeline: ['core', 'engine', 'detectors', 'documents', 'pages', 'ocr', 'review', 'export'],
  highlighter: ['core', 'engine', 'pipeline', 'extension'],
  guard: ['core', 'documents', 'pipeline', 'highlighter', 'extension'],
  panel: ['core', 'documents', 'pages', 'ocr', 'review', 'export', 'pipeline', 'extension'],
  components: ['core', 'engine', 'documents', 'review', 'export', 'pipeline', 'highlighter', 'guard', 'panel', 'extension'],
  platform: ['core', 'documents', 'pages', 'ocr', 'review', 'export', 'pipeline'],
  cli: ['core', 'engine', 'detectors', 'documents', 'pages', 'ocr', 'review', 'export', 'pipeline', 'platform'],
  bench: ['core', 'engine', 'detectors', 'documents', 'pages', 'ocr', 'review', 'export', 'pipeline', 'platform', 'highlighter', 'test'],
  entrypoints: ['core', 'engine', 'documents', 'pages', 'ocr', 'review', 'export', 'pipeline', 'highlighter', 'guard', 'panel', 'components', 'platform', 'extension'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:\bfrom|\bimport\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g;

interface Edge {
  from: string;
  to: string;
}

function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const folder of Object.keys(ALLOWED)) {
    let files: string[];
    try {
      files = sourceFiles(join(ROOT, folder));
    } catch {
      continue; // a folder that does not exist yet
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const target = normalize(join(dirname(file), m[1]));
        edges.push({ from: relative(ROOT, file), to: relative(ROOT, target) });
      }
    }
  }
  return edges;
}

const top = (path: string) => path.split(sep)[0];

describe('architecture: layer rules', () => {
  const edges = importEdges();

  it('reads the imports of the tree', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => e.from.startsWith('detectors') && e.to === join('engine', 'context.ts'))).toBe(true);
  });

  it('no folder imports from a folder above it', () => {
    const broken = edges.filter((e) => top(e.from) !== top(e.to) && !ALLOWED[top(e.from)].includes(top(e.to))).map((e) => `${e.from} -> ${e.to}`);
    expect(broken).toEqual([]);
  });

  it('the allowed folder graph has no cycles', () => {
    const seen = new Map<string, 'open' | 'done'>();
    const visit = (folder: string, path: string[]): void => {
      if (seen.get(folder) === 'done') return;
      if (seen.get(folder) === 'open') throw new Error(`cycle: ${[...path, folder].join(' -> ')}`);
      seen.set(folder, 'open');
      for (const next of ALLOWED[folder] ?? []) visit(next, [...path, folder]);
      seen.set(folder, 'done');
    };
    for (const folder of Object.keys(ALLOWED)) visit(folder, []);
  });

  it('no file-level import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const state = new Map<string, number>();
    const cycles: string[] = [];
    const visit = (file: string, stack: string[]): void => {
      const s = state.get(file);
      if (s === 2) return;
      if (s === 1) {
        cycles.push([...stack.slice(stack.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 1);
      for (const next of graph.get(file) ?? []) visit(next, [...stack, file]);
      state.set(file, 2);
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
