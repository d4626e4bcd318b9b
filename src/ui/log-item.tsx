import { Box, Text } from 'ink';
import { banner, STATUS_MARK, stepInfo, stepNumber } from '../flow/content.js';
import type { LogEntry } from '../flow/types.js';
import { Para, StatusMark, TONE_COLOR } from './components.js';

/**
 * One entry of the growing checklist above the live area (written once, via `<Static>`):
 * the banner, a finished step with its evidence, a note. Text printed in full (a fix, the
 * report) is written raw instead (`printedBlock`).
 */
export function LogItem({ entry, width }: { entry: LogEntry; width: number }) {
  switch (entry.kind) {
    case 'banner': {
      const { title, tagline } = banner(entry.version, entry.demo);
      return (
        <Box width={width} flexDirection="column">
          <Para width={width} bold color="cyan">
            {title}
          </Para>
          <Para width={width} dimColor>
            {tagline}
          </Para>
        </Box>
      );
    }
    case 'step': {
      const r = entry.result;
      const mark = STATUS_MARK[r.status];
      const api = entry.api ?? 'spot';
      const title = `${stepNumber(r.id, api)} ${stepInfo(api)[r.id].title}${entry.rerun ? ' (re-run)' : ''}`;
      return (
        <Box width={width} flexDirection="column">
          <Box>
            <Box width={8} flexShrink={0}>
              <StatusMark status={r.status} />
            </Box>
            <Para width={width - 8}>{`${title}: ${r.summary}`}</Para>
          </Box>
          {/* A step that passed or was skipped needs no more than its line (v shows the report). */}
          {(r.status === 'fail' || r.status === 'warn' ? r.evidence : []).map((line, i) => (
            <Box key={i} paddingLeft={8}>
              <Para width={width - 8} dimColor>
                {line}
              </Para>
            </Box>
          ))}
        </Box>
      );
    }
    case 'note':
      return (
        <Box width={width} flexDirection="column">
          {entry.lines.map((line, i) => (
            <Para key={i} width={width} {...(entry.tone === 'warn' ? { color: TONE_COLOR.warn } : { dimColor: true })}>
              {`${entry.tone === 'warn' ? '!' : 'i'} ${line}`}
            </Para>
          ))}
        </Box>
      );
    case 'text':
      // Written raw by App (printedBlock), never laid out here.
      return null;
  }
}

/**
 * Text printed to be copied, as written to the terminal: a title line, the text exactly as it
 * is (no wrapping, no colour, no link inside it: the terminal folds a long line and a selection
 * joins it again), an end line; a blank line before it.
 */
export function printedBlock(entry: Extract<LogEntry, { kind: 'text' }>): string {
  return `\n── ${entry.title} ──\n${entry.text.replace(/\n+$/, '')}\n── end ──\n`;
}
