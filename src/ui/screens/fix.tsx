import { Box, Text } from 'ink';
import { STATUS_MARK, STEP_INFO, stepNumber } from '../../flow/content.js';
import { STEP_IDS, type Diagnosis } from '../../core/types.js';
import { Bullets, Para, TONE_COLOR } from '../components.js';
import { clipToRows, lineRows, textRows } from '../layout.js';
import type { ScreenProps } from './types.js';

/**
 * The quick-fix screen: what it means, the evidence, then the fixes as numbered blocks. The
 * focused fix is drawn in full, flush left (a mouse selection copies it exactly), the others
 * as one-line titles; when the terminal is short the focused text is clipped with a pointer to
 * `p` (print in full above) and `c` (copy).
 */

/** Fix titles hang under their text, after `❯ 1. ` (one more column from fix 10 on). */
const titleIndent = (count: number) => (count >= 10 ? 6 : 5);

export interface FixLayout {
  explanation: string;
  explanationClipped: boolean;
  evidence: string[];
  evidenceHidden: number;
  fixText: string;
  hiddenLines: number;
  /** Indexes of the fixes listed (all of them, unless the terminal is tiny). */
  listed: number[];
}

export function fixLayout(d: Diagnosis, focus: number, columns: number, maxRows: number): FixLayout {
  const W = Math.max(20, columns);
  const fix = d.fixes[focus];
  const titleRows = (i: number) => lineRows(d.fixes[i]?.title ?? '', W - titleIndent(d.fixes.length));
  const evidenceRows = (lines: string[]) => lines.reduce((n, l) => n + lineRows(l, Math.max(10, W - 4)), 0);
  const allTitles = d.fixes.reduce((n, _f, i) => n + titleRows(i), 0);
  // header + title + blank before evidence + blank and heading before the fixes.
  let evidence = d.evidence;
  let listed = d.fixes.map((_f, i) => i);
  let fixed = 1 + lineRows(d.title, W) + (evidence.length ? 1 + evidenceRows(evidence) : 0) + (d.fixes.length ? 2 + allTitles : 0);
  let avail = maxRows - fixed;
  const explRows = textRows(d.explanation, W);
  const fixRows = fix ? textRows(fix.text, W) : 0;
  if (avail < Math.min(explRows, 2) + Math.min(fixRows, 3) + 1) {
    // A short terminal: list only the focused fix (the others stay one keypress away) and trim evidence.
    listed = fix ? [focus] : [];
    const others = d.fixes.length - listed.length;
    evidence = d.evidence.slice(0, 3);
    fixed = 1 + lineRows(d.title, W) + (evidence.length ? 1 + evidenceRows(evidence) + (d.evidence.length > evidence.length ? 1 : 0) : 0);
    fixed += d.fixes.length ? 2 + (fix ? titleRows(focus) : 0) + (others ? 1 : 0) : 0;
    avail = maxRows - fixed;
  }
  if (avail >= explRows + fixRows) {
    return { explanation: d.explanation, explanationClipped: false, evidence, evidenceHidden: d.evidence.length - evidence.length, fixText: fix?.text ?? '', hiddenLines: 0, listed };
  }
  // The fix keeps at least 6 rows (or all of it); the explanation gets what is left, then the fix the rest.
  const fixFloor = Math.min(fixRows, 6);
  const explBudget = Math.max(1, Math.min(explRows, avail - fixFloor - 1));
  const expl = explRows <= explBudget ? { text: d.explanation, hiddenLines: 0 } : clipToRows(d.explanation, explBudget, W);
  const usedByExpl = expl.hiddenLines ? textRows(expl.text, W) : explRows;
  const fixBudget = Math.max(1, avail - usedByExpl - 1);
  const clipped = fixRows <= fixBudget + 1 ? { text: fix?.text ?? '', hiddenLines: 0 } : clipToRows(fix?.text ?? '', fixBudget, W);
  return {
    explanation: expl.hiddenLines ? `${expl.text.replace(/\s+$/, '')} …` : expl.text,
    explanationClipped: expl.hiddenLines > 0,
    evidence,
    evidenceHidden: d.evidence.length - evidence.length,
    fixText: clipped.text,
    hiddenLines: clipped.hiddenLines,
    listed,
  };
}

export function FixScreen({ screen, columns, maxRows }: ScreenProps<'fix'>) {
  const d = screen.diagnoses[screen.index];
  if (!d) return null;
  const source = screen.source;
  const status = source.kind === 'step' ? source.result.status : 'fail';
  const mark = STATUS_MARK[status];
  const where =
    source.kind === 'step' ? `Step ${stepNumber(source.result.id)} of ${STEP_IDS.length} · ${STEP_INFO[source.result.id].title}` : 'Explained';
  const count = screen.diagnoses.length > 1 ? ` · problem ${screen.index + 1} of ${screen.diagnoses.length}` : '';
  const layout = fixLayout(d, screen.focus, columns, maxRows);
  const others = d.fixes.length - layout.listed.length;
  return (
    <Box flexDirection="column">
      <Text aria-label={`${mark.word}: ${where}${count}. ${d.title}`}>
        <Text color={TONE_COLOR[mark.tone]} bold>
          {mark.symbol} {mark.word}
        </Text>{' '}
        <Text dimColor>
          {where}
          {count}
        </Text>
      </Text>
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
            const focused = i === screen.focus;
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
                {focused ? <Text>{layout.fixText}</Text> : null}
                {focused && layout.hiddenLines ? (
                  <Text dimColor>
                    … {layout.hiddenLines} more line{layout.hiddenLines === 1 ? '' : 's'}: p prints it in full above, c copies it
                  </Text>
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
