// Cooperative scheduling for page work: run in short slices and give the main
// thread back between them, so no task Sumi causes blocks the page for long.

const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

type YieldingScheduler = { yield(): Promise<void> };
const scheduler = (globalThis as unknown as { scheduler?: Partial<YieldingScheduler> }).scheduler;

/**
 * Lets the page's input, rendering and scripts run, then resumes. scheduler.yield()
 * resumes ahead of other queued work (so a scan is not starved on a busy page);
 * a MessageChannel task is the fallback (setTimeout is clamped to 4 ms when nested).
 */
export function yieldToMain(): Promise<void> {
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    if (!channel) return void setTimeout(resolve, 0);
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Budget for one slice of work, in milliseconds: well under the 50 ms of a long task
 * even when a busy machine stretches a slice several times over.
 */
export const SLICE_MS = 8;

/** A cancellation flag shared by one scan's slices. */
export class Job {
  cancelled = false;
}
