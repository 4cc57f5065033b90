// Run by network.test.ts in a child process: OCR of an image file, the page text as JSON on stdout.
import { readFileSync } from 'node:fs';
import { ocrImage } from '../../ocr/ocr-document.ts';
import { nodePlatform } from '../../platform/node.ts';

const doc = await ocrImage(new Uint8Array(readFileSync(process.argv[2])), nodePlatform, { workers: 2 });
process.stdout.write(JSON.stringify({ text: doc.pages.map((p) => p.text).join('\n') }) + '\n');
