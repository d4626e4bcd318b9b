import { Box, Text } from 'ink';
import { welcomeChoices } from '../../flow/content.js';
import { Menu, Para } from '../components.js';
import type { ScreenProps } from './types.js';

export function WelcomeScreen({ state, screen, columns }: ScreenProps<'welcome'>) {
  const choices = welcomeChoices(state);
  const target = state.demo.enabled ? 'a local MEXC simulator' : 'MEXC';
  return (
    <Box flexDirection="column">
      <Para width={columns}>
        {`Runs the troubleshooting guide's checks for real against ${target}: credentials, connectivity, clock, account, order read, trade. Each failure gets its cause and a fix you can copy.`}
      </Para>
      <Para width={columns} bold>
        Your secret stays in memory: never shown, logged, or written to disk.
      </Para>
      <Box marginTop={1} flexDirection="column">
        <Text bold>What do you want to do?</Text>
        <Menu items={choices} focus={screen.focus} width={columns} />
      </Box>
    </Box>
  );
}
