import { Box, Text } from 'ink';
import { STATUS_MARK, STEP_INFO, stepNumber } from '../flow/content.js';
import type { LogEntry } from '../flow/types.js';
import { StatusMark, TONE_COLOR } from './components.js';

/**
 * One entry of the growing checklist above the live area (written once, via `<Static>`):
 * a finished step with its evidence, a note, or text printed in full (a fix, the report).
 */
export function LogItem({ entry, width }: { entry: LogEntry; width: number }) {
  switch (entry.kind) {
    case 'banner':
      return (
        <Box width={width} flexDirection="column">
          <Text>
            <Text bold color="cyan">
              mexc-wizard {entry.version}
            </Text>
            <Text dimColor> · why your MEXC API key fails, and the fix{entry.demo ? ' · DEMO (local simulator)' : ''}</Text>
          </Text>
        </Box>
      );
    case 'step': {
      const r = entry.result;
      const mark = STATUS_MARK[r.status];
      const title = `${stepNumber(r.id)} ${STEP_INFO[r.id].title}${entry.rerun ? ' (re-run)' : ''}`;
      return (
        <Box width={width} flexDirection="column" aria-label={`Step ${title}: ${mark.word}. ${r.summary}`}>
          <Box>
            <Box width={8} flexShrink={0}>
              <StatusMark status={r.status} />
            </Box>
            <Box flexShrink={1}>
              <Text>
                <Text bold>{title}:</Text> <Text>{r.summary}</Text>
              </Text>
            </Box>
          </Box>
          {r.evidence.map((line, i) => (
            <Box key={i} paddingLeft={8}>
              <Text dimColor>{line}</Text>
            </Box>
          ))}
        </Box>
      );
    }
    case 'note':
      return (
        <Box width={width} flexDirection="column">
          {entry.lines.map((line, i) => (
            <Text key={i} color={entry.tone === 'warn' ? TONE_COLOR.warn : undefined} dimColor={entry.tone === 'info'}>
              {entry.tone === 'warn' ? '! ' : 'i '}
              {line}
            </Text>
          ))}
        </Box>
      );
    case 'text':
      return (
        <Box width={width} flexDirection="column" marginTop={1} marginBottom={1}>
          <Text bold>── {entry.title} ──</Text>
          {/* Flush left and undecorated, so a mouse selection copies it exactly. */}
          <Text>{entry.text}</Text>
          <Text bold>── end ──</Text>
        </Box>
      );
  }
}
