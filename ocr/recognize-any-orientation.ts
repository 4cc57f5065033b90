// Recognition whichever way the page is written or was fed: upright, upside
// down, sideways, or in vertical writing (縦書き).
//
// The ink tells whether lines run across or down (./line-direction.ts); for each
// direction there are two readings, tried in order of how common they are:
//   across: upright; else the page upside down (turned 180°);
//   down:   vertical writing, read on the page turned a quarter
//           counter-clockwise with the vertical model; else a page fed
//           sideways, turned a quarter either way and read as usual; else
//           vertical writing upside down (turned a quarter clockwise).
// With one line or one column the ink cannot tell the direction (the gaps
// between characters look like the gaps between lines), so the first reading
// of the other direction is tried too.
// The first reading is kept when it reads well; otherwise the others are read
// too and the most confident wins. Word boxes are mapped back through the
// turn, so they sit on the unturned page.
import type { OcrEngine, OcrGeometry, OcrResult } from './engine.ts';
import { lineDirection } from './line-direction.ts';
import { decodePgm, encodePgm } from '../pages/gray.ts';
import { turn, unturnBox, type Quarter } from '../pages/rotate.ts';
import type { PreparedImage } from './prepare-image.ts';

/**
 * Score (./readingScore) from which a reading is taken as right without
 * trying others. Text read the wrong way round scores 20–40; a right reading
 * of a clean page 85–95, of a poor scan 60 and up: the others are only read
 * (each costing a full recognition) when the first is clearly wrong.
 */
export const CONFIDENT = 60;

/** Characters per line below which a reading counts as lines read the wrong way. */
const MIN_CHARS_PER_LINE = 3;

interface Reading {
  quarter: Quarter;
  vertical: boolean;
}

/** Recognises a prepared page, finding its orientation; `geometry` is for the unturned page (its toRaster is applied last). */
export async function recognizeOriented(engine: OcrEngine, prepared: PreparedImage, geometry: OcrGeometry): Promise<OcrResult> {
  const readings: Reading[] =
    lineDirection(prepared.image) === 'horizontal'
      ? [
          { quarter: 0, vertical: false },
          { quarter: 2, vertical: false },
          // a single column of vertical writing has blank rows between its characters
          { quarter: 3, vertical: true },
        ]
      : [
          { quarter: 3, vertical: true },
          // a single line across has blank columns between its characters
          { quarter: 0, vertical: false },
          { quarter: 1, vertical: false },
          { quarter: 3, vertical: false },
          // vertical writing fed upside down: its columns still run down
          { quarter: 1, vertical: true },
        ];
  let best: { result: OcrResult; score: number } | undefined;
  for (const reading of readings) {
    const result = await read(engine, prepared, geometry, reading);
    const score = readingScore(result);
    if (!best || score > best.score) best = { result, score };
    if (score >= CONFIDENT) break;
  }
  return best!.result;
}

async function read(engine: OcrEngine, prepared: PreparedImage, geometry: OcrGeometry, { quarter, vertical }: Reading): Promise<OcrResult> {
  if (quarter === 0) return engine.recognize(prepared.bytes, { ...geometry, image: prepared.image });
  const gray = decodePgm(prepared.bytes)!;
  const toRaster = geometry.toRaster ?? ((b) => b);
  return engine.recognize(
    encodePgm(turn(gray, quarter)),
    {
      ...geometry,
      toRaster: (b) => toRaster(unturnBox(b, quarter, prepared.width, prepared.height)),
      turned: true,
      image: turn(prepared.image, quarter),
    },
    { vertical },
  );
}

/**
 * How well a page was read: mean word confidence weighted by the characters
 * of each word (0 with no words), lowered when the lines hold hardly more than
 * a character each: what a line read across the wrong way looks like (every
 * character a "line" of its own, each read confidently).
 */
export function readingScore(result: OcrResult): number {
  let sum = 0;
  let chars = 0;
  for (const line of result.lines) {
    for (const w of line.words) {
      const n = Array.from(w.text).length;
      sum += w.confidence * n;
      chars += n;
    }
  }
  if (!chars) return 0;
  const perLine = chars / result.lines.length;
  return (sum / chars) * Math.min(1, perLine / MIN_CHARS_PER_LINE);
}
