/**
 * "Did you mean …?" for a mistyped command, option or scenario: the closest known word, only
 * when it is close (a typo, a swapped pair of letters, a missing dash), never a guess.
 */

/** Edit distance with adjacent transpositions (optimal string alignment): "chekc" → "check" is 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits still count as a typo of a word this long. */
function allowedEdits(length: number): number {
  return length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * The known word `input` most likely meant, or undefined when none is close. Case and `_` for
 * `-` are ignored; a unique word that starts with the input (3 characters or more) also counts.
 */
export function closest(input: string, known: readonly string[]): string | undefined {
  const norm = (w: string) => w.toLowerCase().replace(/_/g, '-');
  const wanted = norm(input);
  if (wanted === '') return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(wanted, norm(word));
    if (distance <= allowedEdits(Math.max(wanted.length, 1)) && (!best || distance < best.distance)) best = { word, distance };
  }
  if (best) return best.word;
  const prefixed = known.filter((w) => norm(w).startsWith(wanted));
  return wanted.length >= 3 && prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` Did you mean "check"?` (with a leading space), or '' when nothing is close. */
export function didYouMean(input: string, known: readonly string[], show: (word: string) => string = (w) => `"${w}"`): string {
  const match = closest(input, known);
  return match === undefined ? '' : ` Did you mean ${show(match)}?`;
}
