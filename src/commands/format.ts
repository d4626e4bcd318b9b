import type { Diagnosis, StepStatus } from '../core/types.js';

/** Minimal ANSI styling; a no-op when colour is off (NO_COLOR, --no-color, not a TTY). */
export function styler(color: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}
export type Styler = ReturnType<typeof styler>;

/** Status never by colour alone: a symbol and a word. */
export const STATUS_MARK: Record<StepStatus, { symbol: string; word: string }> = {
  pass: { symbol: '✓', word: 'PASS' },
  warn: { symbol: '!', word: 'WARN' },
  fail: { symbol: '✗', word: 'FAIL' },
  skip: { symbol: '-', word: 'SKIP' },
};

export function statusLabel(status: StepStatus, s: Styler): string {
  const { symbol, word } = STATUS_MARK[status];
  const text = `${symbol} ${word}`;
  if (status === 'pass') return s.green(text);
  if (status === 'warn') return s.yellow(text);
  if (status === 'fail') return s.red(text);
  return s.dim(text);
}

/**
 * A diagnosis as plain text: title, explanation, evidence, numbered fixes. Prose is indented;
 * fix text is printed flush left and unchanged, so a pasted Python snippet keeps its
 * indentation and a mouse selection copies exactly the command.
 */
export function formatDiagnosis(d: Diagnosis, s: Styler, heading = ''): string {
  const lines: string[] = [s.bold(`${heading}${d.title}`) + s.dim(`  [${d.id}]`), ...wrapText(d.explanation, '   ')];
  if (d.evidence.length) {
    lines.push('', s.bold('   Evidence'));
    for (const e of d.evidence) lines.push(`   • ${e}`);
  }
  d.fixes.forEach((fix, i) => {
    lines.push('', s.bold(s.cyan(`   Fix ${i + 1}: ${fix.title}`)), fix.text);
  });
  return lines.join('\n');
}

export function wrapText(text: string, indent: string, width = 88): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + word.length + 1 > width - indent.length) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out;
}
