import type { Diagnosis, StepStatus } from '../core/types.js';
import { STATUS_MARK } from '../flow/content.js';
import type { Tone } from '../flow/types.js';
import { linkUrls } from './hyperlink.js';
import { wrap } from './layout.js';

/** Minimal ANSI styling; a no-op when colour is off (NO_COLOR, --no-color, not a TTY). */
export function styler(color: boolean) {
  const sgr = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}
export type Styler = ReturnType<typeof styler>;

/** Text in the colour of a tone (ok green, warn yellow, error red, info plain). */
export function toned(s: Styler, tone: Tone, text: string): string {
  if (tone === 'ok') return s.green(text);
  if (tone === 'warn') return s.yellow(text);
  if (tone === 'error') return s.red(text);
  return text;
}

/** `✓ PASS`, `! WARN`, `✗ FAIL`, `- SKIP`: status never by colour alone. */
export function statusLabel(status: StepStatus, s: Styler): string {
  const { symbol, word, tone } = STATUS_MARK[status];
  const text = `${symbol} ${word}`;
  return status === 'skip' ? s.dim(text) : toned(s, tone, text);
}

/**
 * A diagnosis as plain text: title, explanation, evidence, numbered fixes. Prose is indented;
 * fix text is printed flush left and unchanged, so a pasted Python snippet keeps its
 * indentation and a mouse selection copies exactly the command.
 */
export function formatDiagnosis(d: Diagnosis, s: Styler, heading = '', opts: { links?: boolean } = {}): string {
  // Links (OSC 8, where the terminal draws them) in the prose and evidence only: a fix stays
  // exactly the text to run. Laid out first, so the escape bytes never count as columns.
  const link = (line: string) => linkUrls(line, Boolean(opts.links));
  const lines: string[] = [s.bold(`${heading}${d.title}`) + s.dim(`  [${d.id}]`), ...wrap(d.explanation, 88, { indent: '   ' }).map(link)];
  if (d.evidence.length) {
    lines.push('', s.bold('   Evidence'));
    for (const e of d.evidence) lines.push(link(`   • ${e}`));
  }
  d.fixes.forEach((fix, i) => {
    lines.push('', s.bold(s.cyan(`   Fix ${i + 1}: ${fix.title}`)), fix.text);
  });
  return lines.join('\n');
}
