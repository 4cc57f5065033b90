// Shared checks for values found beside credential labels.
import { isPlaceholder, isTextbookExample } from './placeholders.ts';

/** A printable ASCII token, as passwords and IDs are written (sticky). */
export const ASCII_TOKEN = /[!-~]{3,128}/y;

// closing punctuation, and an opening bracket that starts a note after the value: Pa55!（初回のみ）
const TRAILING = /[.,;:。、)\]}」』"'“”([{「『]+$/u;
const LEADING = /^[(「『"'“[]+/u;

/** Trims quotes and sentence punctuation around a token; returns the kept [start, end). */
export function trimToken(text: string, start: number, end: number): [number, number] {
  const token = text.slice(start, end);
  const lead = LEADING.exec(token)?.[0].length ?? 0;
  const trail = TRAILING.exec(token.slice(lead))?.[0].length ?? 0;
  return [start + lead, end - trail];
}

/** The span of a value at `start` without the quotes around it ("s3cret" or 's3cret'), in the page text. */
export function unquotedSpan(value: string, start: number): [number, number] {
  return /^(["']).*\1$/s.test(value) ? [start + 1, start + value.length - 1] : [start, start + value.length];
}

/** Why a credential value should not be reported, or null when it should be. */
// a type or a flag in a table of settings or an API's documentation (| password | string |)
// a PowerShell command where a password is given through it: -Password (ConvertTo-SecureString "…")
const CMDLET = /^(?:Get|Set|New|Remove|Add|ConvertTo|ConvertFrom|Read|Write|Invoke|Start|Stop|Test|Import|Export|Enable|Disable|Out|Select|Where)-[A-Z][A-Za-z]+$/;
const TYPE_OR_FLAG = /^(?:string|str|int|integer|bool|boolean|number|varchar|true|false|yes|no|required|optional)$/i;

export function rejectCredential(value: string, line: string): string | null {
  if (value.length < 3) return 'too short';
  if (TYPE_OR_FLAG.test(value)) return 'a type or a flag';
  if (CMDLET.test(value)) return 'a PowerShell command';
  if (isPlaceholder(value)) return 'placeholder';
  if (isTextbookExample(value, line)) return 'textbook example';
  return null;
}
