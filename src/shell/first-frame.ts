import { banner, TONE_MARK } from '../flow/content.js';
import { hintsOf, hintText, itemNumber, itemText, type Hint, type View } from '../flow/view.js';
import { styler, toned, type Styler } from './format.js';
import { wrap } from './layout.js';

/**
 * The welcome screen drawn as plain text before Ink has loaded (Ink, React and Yoga take a few
 * hundred milliseconds to import): the same lines, in the same places, that Ink's first frame
 * draws (ui/App.tsx, ui/view.tsx, ui/components.tsx; a test holds the two equal). Raw mode is
 * taken at the same moment, so keys pressed now wait, unechoed, for Ink to read them. Ink's
 * front end then writes the erasing of the live part and its own first frame as one write
 * (`replaceFirstFrame`), so the user sees no flash and no second copy.
 */

/** Ink's live area never gets wider than this (ui/App.tsx MAX_COLUMNS). */
const MAX_COLUMNS = 110;

export interface FrameText {
  /** The banner: stays in the scrollback, like Ink's `<Static>` output. */
  banner: string[];
  /** What Ink's live area will draw: replaced by Ink's first frame. */
  live: string[];
}

export interface DrawnFrame {
  /** Terminal rows the live part takes (Ink's first render goes there). */
  liveRows: number;
}

/** The welcome View (paragraphs, a menu, the hint line) as Ink lays it out at `columns`. */
export function firstFrameText(view: View, opts: { version: string; demo: boolean; columns: number; color: boolean }): FrameText {
  const s = styler(opts.color);
  const columns = Math.min(opts.columns, MAX_COLUMNS);
  const para = (text: string, width: number) => wrap(text, Math.max(10, width), { breakLongWords: true });
  const { title, tagline } = banner(opts.version, opts.demo);
  const bannerLines = [...para(title, columns).map((l) => s.bold(s.cyan(l))), ...para(tagline, columns).map(s.dim)];
  // <Box marginTop={1}> around the screen.
  const live: string[] = [''];
  if (view.heading) live.push(...para(view.heading, columns).map(s.bold));
  for (const p of view.paragraphs ?? []) {
    const styled = (l: string) => (p.tone ? toned(s, p.tone, l) : l);
    live.push(...para(p.tone ? `${TONE_MARK[p.tone]} ${p.text}` : p.text, columns).map((l) => styled(p.bold ? s.bold(l) : p.dim ? s.dim(l) : l)));
  }
  if (view.menu) {
    if (live.length > 1) live.push('');
    live.push(...para(view.menu.question, columns).map(s.bold));
    const count = view.menu.items.length;
    const pad = ' '.repeat(itemNumber(0, count).length + 3);
    view.menu.items.forEach((item, i) => {
      const focused = i === view.menu?.focus;
      const lead = `${focused ? '❯' : ' '} ${itemNumber(i, count)} `;
      para(itemText(item), columns - pad.length).forEach((line, row) => {
        live.push(row === 0 ? (focused ? s.bold(s.cyan(lead)) : lead) + (focused ? s.bold(s.cyan(line)) : line) : `${pad}${focused ? s.bold(s.cyan(line)) : line}`);
      });
      if (focused && item.detail) live.push(...para(item.detail, columns - pad.length).map((l) => `${pad}${s.dim(l)}`));
    });
  }
  const hints = hintsOf(view);
  if (hints.length) live.push('', ...hintLines(hints, columns, s));
  return { banner: bannerLines, live: live.map((l) => l.replace(/\s+$/, '')) };
}

/** The hint line as ui/components.tsx HintLine draws it: keys bold, everything dim. */
function hintLines(hints: Hint[], columns: number, s: Styler): string[] {
  return wrap(hintText(hints), Math.max(10, columns), { breakLongWords: true }).map((line) =>
    s.dim(
      line
        .split(' · ')
        .map((group) => {
          const cut = group.indexOf('\u00a0');
          return cut < 0 ? s.bold(group) : s.bold(group.slice(0, cut)) + group.slice(cut);
        })
        .join(' · '),
    ),
  );
}

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
/** Synchronized output (terminals that know it show everything up to ESU at once). */
const BSU = '\u001b[?2026h';
const ESU = '\u001b[?2026l';

/**
 * Takes raw mode (keys wait in the terminal's buffer, unechoed, until Ink reads them) and
 * writes the frame. Only the banner is drawn when the whole frame would not fit the terminal
 * (rows scrolled away cannot be erased later).
 */
export function drawFirstFrame(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, frame: FrameText): DrawnFrame {
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(true);
  const fits = frame.banner.length + frame.live.length + 1 < (stdout.rows || 24);
  const live = fits ? frame.live : [];
  stdout.write(`${HIDE_CURSOR}${[...frame.banner, ...live].join('\n')}\n`);
  return { liveRows: live.length };
}

/** Up to the live part and erase it, inside a synchronized update that the caller closes. */
export function eraseFirstFrame(frame: DrawnFrame): string {
  return frame.liveRows > 0 ? `${BSU}\u001b[${frame.liveRows}F\u001b[J` : '';
}

/**
 * Runs `render` (Ink's first, synchronous render) with the terminal's writes held back, then
 * writes the erasing of the drawn frame and everything `render` wrote as one write: the old
 * frame and the new one change places at once, even in a terminal without synchronized output
 * (a render takes tens of milliseconds; erasing first would blank the screen for that long).
 */
export function replaceFirstFrame<T>(stdout: NodeJS.WriteStream, frame: DrawnFrame, render: () => T): T {
  const write = stdout.write;
  const held: string[] = [];
  const callbacks: Array<() => void> = [];
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    held.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r): r is () => void => typeof r === 'function');
    if (done) callbacks.push(done);
    return true;
  }) as typeof stdout.write;
  try {
    return render();
  } finally {
    stdout.write = write;
    stdout.write(`${eraseFirstFrame(frame)}${held.join('')}${ESU}`, () => callbacks.forEach((done) => done()));
  }
}

/** When no Ink frame follows (a failure while loading it): give the terminal back as it was. */
export function abandonFirstFrame(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): void {
  if (stdin.isTTY && stdin.isRaw) stdin.setRawMode?.(false);
  stdout.write(`${ESU}${SHOW_CURSOR}`);
}
