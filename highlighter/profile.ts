// Performance marks for profiling the content script, off unless the page asked
// for them: the highlight bench puts a `sumi:profile` mark in the page before any
// script runs, and the marks land on the page's own timeline for it to read.

let enabled: boolean | undefined;

/** Marks a point of the content script's work as `sumi:NAME` when profiling is on. */
export function mark(name: string): void {
  enabled ??= performance.getEntriesByName('sumi:profile', 'mark').length > 0;
  if (enabled) performance.mark(`sumi:${name}`);
}
