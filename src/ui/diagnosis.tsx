import { Box, Text } from 'ink';
import type { Diagnosis } from '../core/types.js';
import { isCodeFix } from '../flow/view.js';
import { clipToRows, codeRows, CUT_MARK, lineRows, textRows, wrap, type CodeRow } from '../shell/layout.js';
import { Bullets, Para } from './components.js';

/**
 * The quick-fix screen's body: what it means, the evidence, then the fixes as numbered blocks.
 * The focused fix is drawn flush left and undecorated, the others as one-line titles. Code is
 * never broken by the layout: a line that fits is drawn exactly as it runs (a mouse selection
 * copies it), a longer one is cut and ends in "…" (Ink erases its live area by counting lines,
 * so a line the terminal folds would break the next redraw); `p` writes the fix whole above
 * the live area, where the terminal may fold it, and `c` copies it. When the terminal is
 * short the focused fix is clipped with the same pointer to `p` and `c`.
 */

/** Fix titles hang under their text, after `❯ 1. ` (one more column from fix 10 on). */
const titleIndent = (count: number) => (count >= 10 ? 6 : 5);

export interface FixLayout {
  explanation: string;
  explanationClipped: boolean;
  evidence: string[];
  evidenceHidden: number;
  /** The focused fix's rows as drawn (code: whole lines, or cut ones, drawn ending in "…"). */
  fixRows: CodeRow[];
  /** Rows of the focused fix left out (the screen says p prints them, c copies them). */
  hiddenRows: number;
  /** Code lines on screen cut to fit. */
  cutLines: number;
  /** The pointer to p and c under a clipped or cut fix, or undefined when all of it shows. */
  note?: string;
  /** Indexes of the fixes listed by title (all of them, unless the terminal is short). */
  listed: number[];
}

/**
 * Fits the fix screen into `maxRows`. Everything is shown when it fits; otherwise, in this
 * order and only as far as needed: the other fixes fold into one line, the focused fix is
 * clipped to 4 rows, evidence to 2 lines, the explanation to 3 rows, then the fix to 1 row.
 */
export function fixLayout(d: Diagnosis, focus: number, columns: number, maxRows: number): FixLayout {
  const W = Math.max(20, columns);
  const indent = titleIndent(d.fixes.length);
  const fix = d.fixes[focus];
  const titleRows = (i: number) => lineRows(d.fixes[i]?.title ?? '', W - indent);
  const evidenceRows = (lines: string[]) => lines.reduce((n, l) => n + lineRows(l, W - 4), 0);
  const explFull = textRows(d.explanation, W);
  const allRows: CodeRow[] = !fix ? [] : isCodeFix(fix) ? codeRows(fix.text, W) : wrap(fix.text, W, { breakLongWords: true }).map((text) => ({ text, cut: false }));
  const fixFull = allRows.length;
  const othersFull = d.fixes.reduce((n, _f, i) => (i === focus ? n : n + titleRows(i)), 0);
  const noteFor = (rows: number) => pointer(fixFull - rows, allRows.slice(0, rows).filter((r) => r.cut).length);
  let explRows = explFull;
  let evidence = d.evidence;
  let folded = false;
  let fixRows = fixFull;
  const total = () =>
    lineRows(d.title, W) +
    explRows +
    (evidence.length ? 1 + evidenceRows(evidence) + (evidence.length < d.evidence.length ? 1 : 0) : 0) +
    (d.fixes.length ? 2 + (fix ? titleRows(focus) : 0) + (folded ? (d.fixes.length > 1 ? 1 : 0) : othersFull) : 0) +
    fixRows +
    (noteFor(fixRows) ? lineRows(noteFor(fixRows) ?? '', W) : 0);
  const steps: Array<() => void> = [
    () => (folded = d.fixes.length > 1),
    () => (fixRows = Math.min(fixRows, 4)),
    () => (evidence = d.evidence.slice(0, 2)),
    () => (explRows = Math.min(explRows, 3)),
    () => (fixRows = Math.min(fixRows, 1)),
    () => (explRows = Math.min(explRows, 1)),
    () => (evidence = d.evidence.slice(0, 1)),
  ];
  for (const step of steps) {
    if (total() <= maxRows) break;
    step();
    // Give back what the step took beyond what was needed.
    if (step === steps[1] || step === steps[4]) fixRows = Math.min(fixFull, Math.max(fixRows, fixRows + maxRows - total()));
    if (step === steps[3] || step === steps[5]) explRows = Math.min(explFull, Math.max(explRows, explRows + maxRows - total()));
  }
  const expl = clipToRows(d.explanation, explRows, W, { ellipsis: true });
  const shown = allRows.slice(0, fixRows);
  const note = noteFor(fixRows);
  return {
    explanation: expl.text,
    explanationClipped: expl.hiddenRows > 0,
    evidence,
    evidenceHidden: d.evidence.length - evidence.length,
    fixRows: shown,
    hiddenRows: fixFull - shown.length,
    cutLines: shown.filter((r) => r.cut).length,
    ...(note ? { note } : {}),
    listed: folded ? (fix ? [focus] : []) : d.fixes.map((_f, i) => i),
  };
}

/** Under a fix that does not show whole: what is left out, and that p and c give all of it. */
function pointer(hiddenRows: number, cutLines: number): string | undefined {
  const what = [hiddenRows ? `${hiddenRows} more line${hiddenRows === 1 ? '' : 's'}` : '', cutLines ? `${cutLines === 1 ? 'a line' : 'lines'} cut at ${CUT_MARK}` : ''].filter(Boolean);
  return what.length ? `${what.join(', ')}: p prints it whole above, c copies it` : undefined;
}

export function DiagnosisBody({ diagnosis: d, focus, columns, maxRows }: { diagnosis: Diagnosis; focus: number; columns: number; maxRows: number }) {
  const layout = fixLayout(d, focus, columns, maxRows);
  const others = d.fixes.length - layout.listed.length;
  return (
    <Box flexDirection="column">
      <Para width={columns} bold>
        {d.title}
      </Para>
      <Para width={columns}>{layout.explanation}</Para>
      {layout.evidence.length ? (
        <Box flexDirection="column" marginTop={1}>
          <Bullets lines={layout.evidence} width={columns} />
          {layout.evidenceHidden ? <Text dimColor>  … {layout.evidenceHidden} more (v shows the report)</Text> : null}
        </Box>
      ) : null}
      {d.fixes.length ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>How to fix it{d.fixes.length > 1 ? ` (${d.fixes.length} fixes)` : ''}</Text>
          {layout.listed.map((i) => {
            const fix = d.fixes[i];
            if (!fix) return null;
            const focused = i === focus;
            return (
              <Box key={i} flexDirection="column">
                <Box>
                  <Text color={focused ? 'cyan' : undefined} bold={focused}>
                    {`${focused ? '❯' : ' '} ${i + 1}. `.padEnd(titleIndent(d.fixes.length))}
                  </Text>
                  <Para width={columns - titleIndent(d.fixes.length)} {...(focused ? { color: 'cyan', bold: true } : {})}>
                    {fix.title}
                  </Para>
                </Box>
                {/* Flush left and undecorated, one row per line: a mouse selection copies it as is. */}
                {focused ? <FixRows rows={layout.fixRows} /> : null}
                {focused && layout.note ? (
                  <Para width={columns} dimColor>
                    {layout.note}
                  </Para>
                ) : null}
              </Box>
            );
          })}
          {others ? <Text dimColor>  + {others} other fix{others === 1 ? '' : 'es'}: ↑↓ or 1-{d.fixes.length}</Text> : null}
        </Box>
      ) : null}
    </Box>
  );
}

/** The focused fix, each row on its own; the mark of a cut line dimmed, so it reads as no part of the code. */
function FixRows({ rows }: { rows: CodeRow[] }) {
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i}>
          {row.text === '' ? ' ' : row.text}
          {row.cut ? <Text dimColor>{CUT_MARK}</Text> : null}
        </Text>
      ))}
    </Box>
  );
}
