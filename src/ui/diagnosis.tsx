import { Box, Text } from 'ink';
import type { Diagnosis } from '../core/types.js';
import { clipToRows, lineRows, textRows } from '../shell/layout.js';
import { Bullets, Para } from './components.js';

/**
 * The quick-fix screen's body: what it means, the evidence, then the fixes as numbered blocks.
 * The focused fix is drawn in full, flush left (a mouse selection copies it exactly), the
 * others as one-line titles; when the terminal is short the focused text is clipped with a
 * pointer to `p` (print in full above) and `c` (copy).
 */

/** Fix titles hang under their text, after `❯ 1. ` (one more column from fix 10 on). */
const titleIndent = (count: number) => (count >= 10 ? 6 : 5);

export interface FixLayout {
  explanation: string;
  explanationClipped: boolean;
  evidence: string[];
  evidenceHidden: number;
  fixText: string;
  /** Rows of the focused fix left out (the screen says p prints them, c copies them). */
  hiddenRows: number;
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
  const fixFull = fix ? textRows(fix.text, W) : 0;
  const othersFull = d.fixes.reduce((n, _f, i) => (i === focus ? n : n + titleRows(i)), 0);

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
    (fixRows < fixFull ? 1 : 0);
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
  const text = fix ? clipToRows(fix.text, fixRows, W) : { text: '', hiddenRows: 0 };
  return {
    explanation: expl.text,
    explanationClipped: expl.hiddenRows > 0,
    evidence,
    evidenceHidden: d.evidence.length - evidence.length,
    fixText: text.text,
    hiddenRows: text.hiddenRows,
    listed: folded ? (fix ? [focus] : []) : d.fixes.map((_f, i) => i),
  };
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
                <Box aria-label={`Fix ${i + 1} of ${d.fixes.length}${focused ? ', selected' : ''}: ${fix.title}`}>
                  <Text color={focused ? 'cyan' : undefined} bold={focused}>
                    {`${focused ? '❯' : ' '} ${i + 1}. `.padEnd(titleIndent(d.fixes.length))}
                  </Text>
                  <Para width={columns - titleIndent(d.fixes.length)} {...(focused ? { color: 'cyan', bold: true } : {})}>
                    {fix.title}
                  </Para>
                </Box>
                {/* Flush left and undecorated: a mouse selection copies it as is. */}
                {focused ? <Text>{layout.fixText}</Text> : null}
                {focused && layout.hiddenRows ? (
                  <Para width={columns} dimColor>
                    {`… ${layout.hiddenRows} more line${layout.hiddenRows === 1 ? '' : 's'}: p prints it in full above, c copies it`}
                  </Para>
                ) : null}
              </Box>
            );
          })}
          {others ? <Text dimColor>  + {others} other fix{others === 1 ? '' : 'es'}: ↑↓ or 1-{Math.min(9, d.fixes.length)}</Text> : null}
        </Box>
      ) : null}
    </Box>
  );
}
