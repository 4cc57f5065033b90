// Run by network.test.ts in a child process: OCR of an image file, the page text as JSON on stdout.
import { readFileSync } from 'node:fs';
import { ocrImage } from '../../ocr/node.ts';

const doc = await ocrImage(new Uint8Array(readFileSync(process.argv[2])), { workers: 2 });
process.stdout.write(JSON.stringify({ text: doc.pages.map((p) => p.text).join('\n') }) + '\n');
