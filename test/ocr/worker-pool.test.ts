// The pool's own contract (ordering, recycling, cancellation, clean-up), with
// plain objects as workers; the OCR tests run the pool with real tesseract.js.
import { describe, expect, it } from 'vitest';
import { runPool } from '../../ocr/worker-pool.ts';

function tracker() {
  let next = 0;
  const live = new Set<number>();
  const created: number[] = [];
  return {
    live,
    created,
    createWorker: async () => {
      const id = next++;
      live.add(id);
      created.push(id);
      return id;
    },
    terminateWorker: async (id: number) => {
      live.delete(id);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runPool', () => {
  it('runs every item on at most `concurrency` workers and keeps the item order', async () => {
    const t = tracker();
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await runPool(
      [5, 1, 4, 2, 3],
      async (_w, item) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(item * 3);
        running--;
        return item * 10;
      },
      { concurrency: 2, ...t, onProgress: (done, total) => progress.push(done / total) },
    );
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(t.live.size).toBe(0);
  });

  it('gives a job that runs out of time the timeout result, ends its worker, and goes on with the rest', async () => {
    const t = tracker();
    const stuckOn: number[] = [];
    const out = await runPool(
      ['a', 'stuck', 'c'],
      async (w, item) => {
        if (item === 'stuck') {
          stuckOn.push(w);
          return new Promise<string>(() => {}); // a damaged scan that never finishes
        }
        return item.toUpperCase();
      },
      { concurrency: 1, ...t, jobTimeoutMs: 50, onTimeout: (i) => `timed out ${i}` },
    );
    expect(out).toEqual(['A', 'timed out 1', 'C']);
    // the worker that was stuck is gone; a fresh one did the rest
    expect(t.created.length).toBe(2);
    expect(t.live.size).toBe(0);
    expect(stuckOn).toEqual([0]);
  });

  it('replaces a worker after `recycleAfter` jobs', async () => {
    const t = tracker();
    const seen: number[] = [];
    await runPool(
      Array.from({ length: 7 }, (_, i) => i),
      async (w) => {
        seen.push(w);
        return w;
      },
      { concurrency: 1, recycleAfter: 3, ...t },
    );
    expect(seen).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(t.created).toEqual([0, 1, 2]);
    expect(t.live.size).toBe(0);
  });

  it('stops at once when cancelled and ends every worker', async () => {
    const t = tracker();
    const controller = new AbortController();
    let started = 0;
    const run = runPool(
      Array.from({ length: 20 }, (_, i) => i),
      async () => {
        started++;
        await sleep(50);
        return 0;
      },
      { concurrency: 2, ...t, signal: controller.signal },
    );
    await sleep(70);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBeLessThan(8);
    expect(t.live.size).toBe(0);
  });

  it('rejects before starting when already cancelled', async () => {
    const t = tracker();
    await expect(runPool([1], async () => 1, { concurrency: 1, ...t, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(t.created).toEqual([]);
  });

  it('retries a failed job once on a fresh worker, then fails the whole run and ends the workers', async () => {
    const t = tracker();
    const attempts: number[] = [];
    const out = await runPool(
      [1, 2],
      async (w, item) => {
        attempts.push(w);
        if (item === 2 && attempts.length === 2) throw new Error('worker broke');
        return item;
      },
      { concurrency: 1, ...t },
    );
    expect(out).toEqual([1, 2]);
    expect(t.created.length).toBe(2);

    const t2 = tracker();
    await expect(
      runPool(
        [1, 2, 3],
        async (_w, item) => {
          if (item === 2) throw new Error('bad page');
          await sleep(5);
          return item;
        },
        { concurrency: 2, ...t2 },
      ),
    ).rejects.toThrow('bad page');
    expect(t2.live.size).toBe(0);
  });

  it('fails cleanly when a worker cannot start', async () => {
    await expect(
      runPool([1, 2], async () => 1, {
        concurrency: 2,
        createWorker: async () => {
          throw new Error('no core');
        },
        terminateWorker: async () => {},
      }),
    ).rejects.toThrow('no core');
  });
});
