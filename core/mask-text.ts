// Shows a found value partly masked (ya****@city…), so a warning can say what
// is inside a file without repeating the secret.
export function partlyMasked(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= 4) return '*'.repeat(t.length);
  const at = t.indexOf('@');
  if (at > 0) {
    // e-mail: the start of the name and the start of the domain
    return `${t.slice(0, Math.min(2, at))}****@${t.slice(at + 1, at + 5)}…`;
  }
  const keep = Math.min(3, Math.floor(t.length / 4));
  return `${t.slice(0, keep)}${'*'.repeat(Math.min(8, t.length - 2 * keep))}${t.slice(t.length - keep)}`;
}
