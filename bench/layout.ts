// bench layout: reading a generated 100-page PDF of tables (unruled and ruled,
// one and two header rows, wrapped cells) with layout analysis, one thread.
import { readPdf } from '../documents/pdf.ts';
import { nodePlatform } from '../platform/node.ts';
import { buildTablePdf, type Block, type TableSpec } from '../test/fixtures/table-pdf.ts';
import { random } from './generate.ts';

const NAMES = ['Emily Carter', 'Daniel Brooks', 'Hannah Lee', 'Olivia Grant', 'Marcus Webb', 'Ruth Evans', 'Aaron Price', 'Grace Hall'];
const DEPTS = ['Finance', 'Planning', 'Welfare', 'Housing', 'Tax', 'Health'];

function tablePage(r: () => number, p: number): Block[] {
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];
  const rows = Array.from({ length: 14 }, (_, i) => [
    String(p * 14 + i + 1),
    pick(NAMES),
    pick(DEPTS),
    `19${60 + Math.floor(r() * 40)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    i % 5 === 0 ? `user${p}${i}@fukushi.example.lg.jp\nsecond line` : `user${p}${i}`,
    `Pw#${Math.floor(r() * 1e6)}x`,
  ]);
  const table: TableSpec = {
    columns: [40, 70, 170, 250, 340, 470],
    header:
      p % 2
        ? [
            ['No', ['Staff', 3], ['Account', 2]],
            ['', 'Name', 'Department', 'Born', 'User ID', 'Password'],
          ]
        : [['No', 'Name', 'Department', 'Born', 'User ID', 'Password']],
    centreHeader: p % 2 === 1,
    ruled: p % 3 === 0,
    rows,
    size: 8,
  };
  return [{ prose: [`Account ledger, page ${p + 1}`] }, { table }];
}

export async function run(): Promise<string> {
  const r = random(11);
  const bytes = await buildTablePdf({ pages: Array.from({ length: 100 }, (_, p) => tablePage(r, p)) });
  await readPdf(await buildTablePdf({ pages: [tablePage(r, 0)] }), nodePlatform.pdfjs); // warm-up: pdf.js loaded
  const t0 = performance.now();
  const doc = await readPdf(bytes, nodePlatform.pdfjs);
  const seconds = (performance.now() - t0) / 1000;
  const tables = doc.pages.reduce((n, p) => n + (p.tables?.length ?? 0), 0);
  console.error(`  ${doc.pages.length} pages in ${seconds.toFixed(2)} s`);
  return `pages_per_s=${(doc.pages.length / seconds).toFixed(1)} tables=${tables}`;
}
