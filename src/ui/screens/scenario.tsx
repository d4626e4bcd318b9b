import { Box, Text } from 'ink';
import { listWindow } from '../../shell/layout.js';
import { Menu, Para } from '../components.js';
import type { ScreenProps } from './types.js';

export function ScenarioScreen({ state, screen, columns, maxRows }: ScreenProps<'scenario'>) {
  const items = state.scenarios.map((s) => ({ label: s.name, detail: s.description }));
  // Title, blank, the focused detail (up to 3 rows) and the two "more" lines.
  const size = Math.max(3, maxRows - 7);
  const { start, end } = listWindow(items.length, screen.focus, size);
  return (
    <Box flexDirection="column">
      <Text bold>Demo: pick a scenario</Text>
      <Para width={columns} dimColor>
        Each one makes the local simulator fail the way MEXC fails for one cause. No key, no network.
      </Para>
      <Menu items={items} focus={screen.focus} width={columns} start={start} end={end} />
    </Box>
  );
}
