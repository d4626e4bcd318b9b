import { Box, Text } from 'ink';
import { banner, STATUS_MARK, stepInfo, stepNumber } from '../flow/content.js';
import type { LogEntry } from '../flow/types.js';
import { Para, StatusMark, TONE_COLOR } from './components.js';

/**
 * One entry of the growing checklist above the live area (written once, via `<Static>`):
 * a finished step with its evidence, a note, or text printed in full (a fix, the report).
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
          <Box aria-label={`Step ${title}: ${mark.word}. ${r.summary}`}>
            <Box width={8} flexShrink={0}>
              <StatusMark status={r.status} />
            </Box>
            <Para width={width - 8}>{`${title}: ${r.summary}`}</Para>
          </Box>
          {r.evidence.map((line, i) => (
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
      return (
        <Box width={width} flexDirection="column" marginTop={1} marginBottom={1}>
          <Para width={width} bold>{`── ${entry.title} ──`}</Para>
          {/* Flush left and undecorated, so a mouse selection copies it exactly. */}
          <Para width={width}>{entry.text}</Para>
          <Text bold>── end ──</Text>
        </Box>
      );
  }
}
