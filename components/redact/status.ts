// What the panel tells the officer beside the document: one message line and one
// progress bar. Opening and export both report to them, so they live in the panel.
import type { OpenStep } from '../../panel/load.ts';

export interface Message {
  kind: 'error' | 'info' | 'ok';
  text: string;
}

export interface Progress {
  label: OpenStep | 'export';
  done: number;
  total: number;
}

/** Where a hook reports what it is doing (the panel's state setters). */
export interface Status {
  say(message: Message | null): void;
  progress(progress: Progress | null): void;
}
