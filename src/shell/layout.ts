/**
 * Height arithmetic for the live area. Ink redraws the whole terminal (and loses scrollback)
 * once the live area reaches the terminal's height (ink-notes.md §3.5), so screens measure
 * what they draw and clip the longest part (the focused fix) to what is left.
 */

/** Columns a string takes: wide East Asian characters and emoji count two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp < 0x370) || cp === 0x200b || cp === 0xfe0f) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * Greedy word wrap of one line to `width` columns: breaks at spaces (dropping the space at the
 * break, unlike Ink's own wrap, which starts the next line with it), hard-breaks longer words.
 */
export function wrapLine(line: string, width: number): string[] {
  if (width <= 0 || displayWidth(line) <= width) return [line];
  const out: string[] = [];
  let current = '';
  let used = 0;
  const leading = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.slice(leading.length).split(/ +/);
  current = leading;
  used = displayWidth(leading);
  for (const word of words) {
    if (word === '') continue;
    let w = displayWidth(word);
    if (used > displayWidth(leading) && used + 1 + w > width) {
      out.push(current);
      current = '';
      used = 0;
    }
    let rest = word;
    if (used > 0 && current.trim() !== '') {
      current += ' ';
      used += 1;
    }
    while (used + w > width) {
      // A word longer than the line: cut it where the line ends.
      let take = '';
      for (const ch of rest) {
        if (used + displayWidth(take + ch) > width) break;
        take += ch;
      }
      if (take === '') {
        out.push(current);
        current = '';
        used = 0;
        continue;
      }
      out.push(current + take);
      rest = rest.slice(take.length);
      current = '';
      used = 0;
      w = displayWidth(rest);
    }
    current += rest;
    used += w;
  }
  if (current !== '' || out.length === 0) out.push(current);
  return out;
}

/** Wraps every line of a text; the result has no line wider than `width`. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

/** Rows one logical line takes when wrapped at `width`. */
export function lineRows(line: string, width: number): number {
  return wrapLine(line, width).length;
}

/** Rows a (multi-line) text takes at `width`. */
export function textRows(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + lineRows(line, width), 0);
}

/**
 * The first `maxRows` rows of `text` wrapped at `width`, and how many rows were left out. With
 * `ellipsis`, a clipped text ends in " …" that still fits on its last row.
 */
export function clipToRows(text: string, maxRows: number, width: number, opts: { ellipsis?: boolean } = {}): { text: string; hiddenRows: number } {
  const rows = wrapText(text, width).split('\n');
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
