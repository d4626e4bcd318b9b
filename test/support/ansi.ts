/** ANSI helpers for tests that read what a terminal received. */

/** SGR sequences (colour, bold, dim): what NO_COLOR must remove. Cursor moves are not colour. */
// eslint-disable-next-line no-control-regex
export const SGR = /\u001b\[[0-9;]*m/;

// eslint-disable-next-line no-control-regex
const CSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text without escape sequences (colour, cursor moves, synchronized-output marks). */
export const stripAnsi = (s: string): string => s.replace(CSI, '');

// eslint-disable-next-line no-control-regex
const SGR_ALL = /\u001b\[([0-9;:]*)m/g;

/** SGR sequences that set a colour (30–37, 38, 40–47, 48, 90–97, 100–107); bold and dim are not colour. */
export function colourCodes(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(SGR_ALL)) {
    const params = (m[1] ?? '').split(/[;:]/).map(Number);
    if (params.some((p) => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107))) found.push(m[0]);
  }
  return found;
}
