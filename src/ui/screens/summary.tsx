import { Box, Text } from 'ink';
import { STEP_INFO, summaryItems } from '../../flow/content.js';
import { STEP_IDS } from '../../core/types.js';
import { StatusMark } from '../components.js';
import { listWindow } from '../../shell/layout.js';
import type { ScreenProps } from './types.js';

export function SummaryScreen({ state, screen, maxRows }: ScreenProps<'summary'>) {
  const items = summaryItems(state);
  const problems = items.filter((i) => i.kind === 'problem');
  const fails = problems.filter((p) => p.kind === 'problem' && p.status === 'fail').length;
  const warns = problems.length - fails;
  const ran = STEP_IDS.filter((id) => state.results[id]);
  // Title, checklist, verdict, list heading; the rest is the menu.
  const { start, end } = listWindow(items.length, screen.focus, Math.max(3, maxRows - ran.length - 5));
  return (
    <Box flexDirection="column">
      <Text bold>Summary</Text>
      {ran.map((id) => {
        const r = state.results[id]!;
        return (
          <Box key={id}>
            <Box width={8} flexShrink={0}>
              <StatusMark status={r.status} />
            </Box>
            <Box width={14} flexShrink={0}>
              <Text bold>{STEP_INFO[id].title}</Text>
            </Box>
            <Text wrap="truncate-end">{r.summary}</Text>
          </Box>
        );
      })}
      <Box marginTop={1}>
        {fails + warns === 0 ? (
          <Text color="green" bold>
            ✓ No problems found{state.demo.enabled ? ' (demo)' : ''}.
          </Text>
        ) : (
          <Text bold color={fails ? 'red' : 'yellow'}>
            {fails ? `✗ ${fails} problem${fails === 1 ? '' : 's'}` : ''}
            {fails && warns ? ', ' : ''}
            {warns ? `! ${warns} warning${warns === 1 ? '' : 's'}` : ''}: Enter opens the fix
          </Text>
        )}
      </Box>
      {start > 0 ? <Text dimColor>  ↑ {start} more</Text> : null}
      {items.slice(start, end).map((item, offset) => {
        const i = start + offset;
        const focused = i === screen.focus;
        const number = i < 9 ? `${i + 1}.` : '  ';
        const mark = item.kind === 'problem' ? (item.status === 'fail' ? '✗ ' : '! ') : '';
        return (
          <Text
            key={i}
            color={focused ? 'cyan' : undefined}
            bold={focused}
            wrap="truncate-end"
            aria-label={`${i + 1}. ${item.kind === 'problem' ? `${item.status === 'fail' ? 'FAIL' : 'WARN'}: ` : ''}${item.label}${focused ? ', selected' : ''}`}
          >
            {focused ? '❯' : ' '} {number} {mark}
            {item.label}
          </Text>
        );
      })}
      {end < items.length ? <Text dimColor>  ↓ {items.length - end} more</Text> : null}
      {state.savedReport ? <Text dimColor>Report saved: {state.savedReport}</Text> : null}
    </Box>
  );
}
