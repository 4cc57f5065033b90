// A pool of OCR workers: one per core, a queue of page jobs, progress,
// cancellation, and recycling (a worker is ended and replaced after a number
// of pages, so the memory a WebAssembly heap only ever grows stays bounded on
// a 300-page scan). Platform-neutral: the caller says how workers are made
// (tesseract.js in a worker thread under Node, a web worker in the panel).

export interface PoolOptions<W> {
  /** how many workers run at once (one per core: os.availableParallelism() / navigator.hardwareConcurrency) */
  concurrency: number;
  createWorker: () => Promise<W>;
  terminateWorker: (worker: W) => Promise<void>;
  /** pages a worker handles before it is replaced (default 20; 0 = never) */
  recycleAfter?: number;
  /** called after each finished job: done of total */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** how often a failed job is tried again on a fresh worker (default 1) */
  retries?: number;
  /** time one job may take (ms): then its worker is ended and `onTimeout` gives the job's result (default: no limit) */
  jobTimeoutMs?: number;
  onTimeout?: (index: number) => unknown;
}

export const DEFAULT_RECYCLE_AFTER = 20;
const TIMED_OUT = new Error('the job ran out of time');

export function abortError(signal?: AbortSignal): Error {
  const reason = signal?.reason;
  if (reason instanceof Error) return reason;
  return new DOMException('OCR was cancelled', 'AbortError');
}

/**
 * Runs `job` for every item on the pool's workers and returns the results in
 * item order. Jobs start in item order. On cancellation or a failure that
 * survives the retries, the workers are ended at once and the call rejects;
 * all workers are always ended before it settles.
 */
export async function runPool<W, T, R>(items: readonly T[], job: (worker: W, item: T, index: number) => Promise<R>, options: PoolOptions<W>): Promise<R[]> {
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  const total = items.length;
  const results = new Array<R>(total);
  if (total === 0) return results;

  const recycleAfter = options.recycleAfter ?? DEFAULT_RECYCLE_AFTER;
  const retries = options.retries ?? 1;
  const live = new Set<W>();
  let next = 0;
  let done = 0;
  let stopped: Error | undefined;

  let stop!: (err: Error) => void;
  const stoppedPromise = new Promise<never>((_, reject) => {
    stop = (err: Error) => {
      if (stopped) return;
      stopped = err;
      reject(err);
      // end running work now: a cancelled scan must not keep the cores busy
      for (const w of live) void endWorker(w);
    };
  });
  stoppedPromise.catch(() => {});
  const onAbort = () => stop(abortError(signal));
  signal?.addEventListener('abort', onAbort, { once: true });

  const endWorker = async (w: W) => {
    if (!live.delete(w)) return;
    try {
      await options.terminateWorker(w);
    } catch {
      // a worker that cannot even be ended is gone for our purposes
    }
  };
  const startWorker = async (): Promise<W> => {
    const creating = options.createWorker();
    // a worker that finishes starting after the pool stopped is ended as soon as it exists
    creating.then(
      (w) => {
        if (stopped && !live.has(w)) void options.terminateWorker(w)?.catch(() => {});
      },
      () => {},
    );
    const w = await Promise.race([creating, stoppedPromise]);
    live.add(w);
    // stopped while it was starting
    if (stopped) {
      await endWorker(w);
      throw stopped;
    }
    return w;
  };

  const slot = async () => {
    // (a worker may be any value, even a falsy one: `has` says whether there is one)
    let worker: W | undefined;
    let has = false;
    let handled = 0;
    try {
      while (!stopped && next < total) {
        const index = next++;
        let attempt = 0;
        for (;;) {
          if (!has) {
            worker = await startWorker();
            has = true;
            handled = 0;
          }
          let timer: ReturnType<typeof setTimeout> | undefined;
          try {
            const racers: Promise<R>[] = [job(worker as W, items[index], index), stoppedPromise];
            if (options.jobTimeoutMs !== undefined && options.onTimeout) racers.push(new Promise<never>((_, reject) => (timer = setTimeout(() => reject(TIMED_OUT), options.jobTimeoutMs))));
            results[index] = await Promise.race(racers);
            handled++;
            break;
          } catch (err) {
            if (stopped) throw stopped;
            if (err === TIMED_OUT) {
              // a job that ran out of time: its worker may be stuck in it, so it goes; the job is not tried again
              has = false;
              await endWorker(worker as W);
              results[index] = options.onTimeout!(index) as R;
              break;
            }
            // the worker may be broken: never reuse it after a failure
            has = false;
            await endWorker(worker as W);
            if (attempt++ >= retries) throw err;
          } finally {
            clearTimeout(timer);
          }
        }
        done++;
        options.onProgress?.(done, total);
        if (has && recycleAfter > 0 && handled >= recycleAfter && next < total) {
          has = false;
          await endWorker(worker as W);
        }
      }
    } catch (err) {
      stop(err instanceof Error ? err : new Error(String(err)));
    } finally {
      if (has) await endWorker(worker as W);
    }
  };

  const slots = Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, () => slot());
  try {
    await Promise.all(slots);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all([...live].map(endWorker));
  }
  if (stopped) throw stopped;
  return results;
}
