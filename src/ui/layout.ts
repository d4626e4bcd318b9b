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

/** Rows one logical line takes when word-wrapped at `width` (greedy, like Ink's wrap-ansi). */
export function lineRows(line: string, width: number): number {
  if (width <= 0) return 1;
  if (displayWidth(line) <= width) return 1;
  let rows = 1;
  let used = 0;
  for (const word of line.split(/(\s+)/)) {
    if (word === '') continue;
    const w = displayWidth(word);
    if (/^\s+$/.test(word)) {
      used += w;
      continue;
    }
    if (used > 0 && used + w > width) {
      rows += 1;
      used = 0;
    }
    if (w > width) {
      // A word longer than the line is hard-broken.
      const extra = Math.ceil(w / width) - 1;
      rows += extra;
      used = w - extra * width;
    } else {
      used += w;
    }
  }
  return rows;
}

/** Rows a (multi-line) text takes at `width`. */
export function textRows(text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + lineRows(line, width), 0);
}

/** The first lines of `text` that fit in `maxRows` at `width`, and how many lines were left out. */
export function clipToRows(text: string, maxRows: number, width: number): { text: string; hiddenLines: number } {
  const lines = text.split('\n');
  const kept: string[] = [];
  let rows = 0;
  for (const line of lines) {
    const r = lineRows(line, width);
    if (rows + r > maxRows) break;
    kept.push(line);
    rows += r;
  }
  if (kept.length === 0 && lines.length > 0 && maxRows > 0) {
    // Not even one line fits whole: cut the first one to the rows available.
    const first = lines[0] ?? '';
    return { text: first.slice(0, Math.max(1, maxRows * width - 1)), hiddenLines: lines.length - 1 };
  }
  return { text: kept.join('\n'), hiddenLines: lines.length - kept.length };
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
