/**
 * Text layout in display columns, for every mode: Ink's live area, the plain front end, `check`.
 * Widths come from string-width, the library Ink measures its own text with, so a wide CJK
 * character or an emoji counts two columns here exactly when it does in Ink's layout.
 *
 * string-width takes about 50 ms to load (its Intl.Segmenter and Unicode tables), too slow for
 * the first frame and for modes that never load Ink: text made only of characters that are one
 * column each (ASCII, Latin, Greek, Cyrillic, punctuation, arrows, box drawing, ✓ ✗ ❯) is
 * measured without it, any other character as two columns (right for CJK, never too narrow),
 * and the Ink front end, which bundles it anyway, switches to it (`loadTextMeasure`).
 */

/** Characters one column wide whatever the terminal (test/shell/layout.test.ts holds this to string-width). */
const NARROW = '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u0377\\u037a-\\u037f\\u0384-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u21ff\\u2500-\\u257f\\u2713\\u2717\\u276f';
const ALL_NARROW = new RegExp(`^[${NARROW}]*$`);
const ONE_NARROW = new RegExp(`^[${NARROW}]$`);

/** Whether every character of `text` is one column wide without asking string-width. */
export const isNarrowText = (text: string): boolean => ALL_NARROW.test(text);

let measure: ((text: string) => number) | undefined;
let loading: Promise<void> | undefined;

/** Loads string-width for exact widths of any other text; resolves once it is in use. */
export function loadTextMeasure(): Promise<void> {
  loading ??= import('string-width').then((m) => {
    measure = m.default;
  });
  return loading;
}

/** Columns a string takes on a terminal (ANSI codes take none once string-width is loaded). */
export function displayWidth(text: string): number {
  if (isNarrowText(text)) return text.length;
  if (measure) return measure(text);
  // Before string-width has loaded, any other character counts two columns: a line measured
  // so may wrap early, never overflow.
  let width = 0;
  for (const ch of text) width += ONE_NARROW.test(ch) ? 1 : 2;
  return width;
}

export interface WrapOptions {
  /** Put in front of the first line of each paragraph. */
  indent?: string;
  /** Put in front of every later line (default: `indent`). */
  hangingIndent?: string;
  /**
   * Cut a word longer than a whole line where the line ends (Ink's live area must never be
   * wider than the terminal). Otherwise such a word (a URL) stays whole where it is and the
   * terminal folds it, so a mouse selection copies it whole.
   */
  breakLongWords?: boolean;
}

/**
 * Greedy word wrap of every line of `text` to `width` columns. Breaks at spaces and drops the
 * space at the break (Ink's own wrap starts the next line with it); a line that fits, and the
 * leading indentation of any line, are kept as they are. An empty line stays empty.
 */
export function wrap(text: string, width: number, opts: WrapOptions = {}): string[] {
  return text.split('\n').flatMap((line) => wrapOne(line, width, opts));
}

function wrapOne(line: string, width: number, opts: WrapOptions): string[] {
  const indent = opts.indent ?? '';
  const hanging = opts.hangingIndent ?? indent;
  if (line.trim() === '') return [''];
  if (width <= 0 || displayWidth(indent + line) <= width) return [indent + line];
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  const out: string[] = [];
  let current = indent + lead;
  let used = displayWidth(current);
  let empty = true;
  const newLine = () => {
    out.push(current);
    current = hanging;
    used = displayWidth(hanging);
    empty = true;
  };
  // Only spaces and tabs break a line: a no-break space keeps a hint's key with its words.
  for (const word of line.slice(lead.length).split(/[ \t]+/)) {
    if (word === '') continue;
    const w = displayWidth(word);
    const fitsAlone = displayWidth(hanging) + w <= width;
    if (!empty && used + 1 + w > width && (fitsAlone || opts.breakLongWords)) newLine();
    if (!empty) {
      current += ' ';
      used += 1;
    }
    if (used + w <= width || !opts.breakLongWords) {
      current += word;
      used += w;
      empty = false;
      continue;
    }
    // A word longer than the line: cut it where each line ends.
    let rest = word;
    while (rest !== '') {
      let take = '';
      for (const ch of rest) {
        if (used + displayWidth(take + ch) > width) break;
        take += ch;
      }
      if (take === '') {
        if (empty) take = [...rest][0] ?? '';
        else {
          newLine();
          continue;
        }
      }
      current += take;
      used += displayWidth(take);
      empty = false;
      rest = rest.slice(take.length);
      if (rest !== '') newLine();
    }
  }
  out.push(current);
  return out;
}

/** Rows one logical line takes in Ink's live area (long words cut). */
export function lineRows(line: string, width: number): number {
  return wrapOne(line, width, { breakLongWords: true }).length;
}

/** Rows a (multi-line) text takes in Ink's live area. */
export function textRows(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + lineRows(line, width), 0);
}

/**
 * The first `maxRows` rows of `text` wrapped at `width` (long words cut), and how many rows
 * were left out. With `ellipsis`, a clipped text ends in " …" that still fits on its last row.
 */
export function clipToRows(text: string, maxRows: number, width: number, opts: { ellipsis?: boolean } = {}): { text: string; hiddenRows: number } {
  const rows = wrap(text, width, { breakLongWords: true });
  if (rows.length <= maxRows) return { text: rows.join('\n'), hiddenRows: 0 };
  const keep = Math.max(0, maxRows);
  const kept = rows.slice(0, keep);
  if (opts.ellipsis && kept.length > 0) {
    let last = (kept[kept.length - 1] ?? '').replace(/\s+$/, '');
    while (last !== '' && displayWidth(`${last} …`) > width) last = last.replace(/\s*\S+$/, '') || [...last].slice(0, -1).join('');
    kept[kept.length - 1] = `${last} …`;
  }
  return { text: kept.join('\n'), hiddenRows: rows.length - keep };
}

/** Ends a code line cut to fit the screen (the screen says `p` prints it whole). */
export const CUT_MARK = '…';

/** The longest start of `text` that fits in `width` columns. */
export function fitStart(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return out;
}

/** One row of code as drawn: the line, or its start when `cut` (then CUT_MARK follows it on screen). */
export interface CodeRow {
  text: string;
  cut: boolean;
}

/**
 * Code as rows of a live area `width` columns wide: a line is never broken in two (a selection
 * of one half would run as something else). A line that fits is kept exactly; a longer one is
 * cut one column short, for CUT_MARK to show it is not the whole line.
 */
export function codeRows(text: string, width: number): CodeRow[] {
  return text.split('\n').map((line) =>
    displayWidth(line) <= width ? { text: line, cut: false } : { text: fitStart(line, Math.max(1, width - 1)).replace(/\s+$/, ''), cut: true },
  );
}

/** A window of `size` items around `focus` in a list of `count`: [start, end). */
export function listWindow(count: number, focus: number, size: number): { start: number; end: number } {
  if (count <= size) return { start: 0, end: count };
  const half = Math.floor(size / 2);
  const start = Math.max(0, Math.min(count - size, focus - half));
  return { start, end: start + size };
}

/** Secrets are 32 hex characters; anything shaped like one is masked when echoing a paste. */
export function maskSecretLike(text: string): string {
  return text.replace(/(^|[^0-9a-fA-F])([0-9a-fA-F]{32})(?![0-9a-fA-F])/g, (_m, pre: string) => `${pre}[32 hex characters hidden]`);
}
