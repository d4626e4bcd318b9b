import { Box, Text } from 'ink';
import type { Body } from '../flow/view.js';
import { clipToRows, lineRows, listWindow, textRows } from '../shell/layout.js';
import { Para, TONE_COLOR } from './components.js';

type LabBody = Extract<Body, { kind: 'lab' }>;

/**
 * The signature lab's answer: the verdict, what was compared (key, signatures, the strings
 * signed), the findings with the focused one's detail, and the notes. The findings list is
 * windowed and the detail clipped so the live area stays shorter than the terminal.
 */
export function LabResultBody({ body, columns, maxRows }: { body: LabBody; columns: number; maxRows: number }) {
  const { valid, verdict, facts, findings, focus, notes } = body;
  const problems = findings.filter((f) => f.severity === 'problem').length;
  const W = Math.max(20, columns);
  const notesRows = notes.length ? 1 + notes.reduce((n, l) => n + lineRows(l, W - 4), 0) : 0;
  const used = lineRows(`✗ FAIL ${verdict}`, W) + facts.reduce((n, l) => n + lineRows(l, W - 2), 0) + 2 + notesRows;
  const focused = findings[focus];
  const detailRows = focused ? textRows(focused.detail, W - 8) : 0;
  const titles = Math.max(1, maxRows - used - Math.min(detailRows, 6) - 2);
  const { start, end } = listWindow(findings.length, focus, titles);
  const detailBudget = Math.max(2, maxRows - used - (end - start) - 2);
  const detail = focused ? clipToRows(focused.detail, detailBudget, W - 8) : { text: '', hiddenRows: 0 };
  return (
    <Box flexDirection="column">
      <Box>
        <Para width={W} color={valid ? TONE_COLOR.ok : TONE_COLOR.error} bold>
          {`${valid ? '✓ PASS' : '✗ FAIL'} ${verdict}`}
        </Para>
      </Box>
      <Box flexDirection="column" paddingLeft={2}>
        {facts.map((line, i) => (
          <Para key={i} width={W - 2} dimColor>
            {line}
          </Para>
        ))}
      </Box>
      <Text bold>
        Findings{problems ? ` (${problems} problem${problems === 1 ? '' : 's'})` : ''}
      </Text>
      {start > 0 ? <Text dimColor>  ↑ {start} more</Text> : null}
      {findings.slice(start, end).map((f, offset) => {
        const i = start + offset;
        const isFocused = i === focus;
        const mark = f.severity === 'info' ? '✓' : '✗';
        return (
          <Box key={f.id + i} flexDirection="column">
            <Box>
              <Text color={isFocused ? 'cyan' : undefined} bold={isFocused}>
                {isFocused ? '❯' : ' '} {String(i + 1).padStart(2)}.{' '}
                <Text color={f.severity === 'info' ? TONE_COLOR.ok : TONE_COLOR.error}>{mark}</Text>{' '}
              </Text>
              <Para width={W - 8} {...(isFocused ? { color: 'cyan', bold: true } : {})}>
                {f.title}
              </Para>
            </Box>
            {isFocused ? (
              <Box paddingLeft={8} flexDirection="column">
                <Para width={W - 8}>{detail.text}</Para>
                {detail.hiddenRows ? <Text dimColor>… c copies the whole finding</Text> : null}
              </Box>
            ) : null}
          </Box>
        );
      })}
      {end < findings.length ? <Text dimColor>  ↓ {findings.length - end} more</Text> : null}
      {notes.length ? (
        <Box flexDirection="column">
          <Text bold>Notes</Text>
          {notes.map((n, i) => (
            <Box key={i} paddingLeft={2}>
              <Text>• </Text>
              <Para width={W - 4}>{n}</Para>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
