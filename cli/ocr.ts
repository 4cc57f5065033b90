// Progress for the command line: the OCR of pages without text as a bar on
// stderr when it is a terminal.
import type { ReadStep } from '../pipeline/read-and-scan.ts';

export function ocrProgress(label: string): (step: ReadStep, done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let drawn = false;
  return (step, done, total) => {
    if (!tty) return;
    if (step === 'ocr') {
      const width = 24;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label}: OCR [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    } else if (drawn) {
      process.stderr.write('\n');
      drawn = false;
    }
  };
}
