import { Box, Text } from 'ink';
import { welcomeChoices } from '../../flow/content.js';
import { Menu } from '../components.js';
import type { ScreenProps } from './types.js';

export function WelcomeScreen({ state, screen }: ScreenProps<'welcome'>) {
  const choices = welcomeChoices(state);
  return (
    <Box flexDirection="column">
      <Text>
        Runs the troubleshooting guide&apos;s checks for real against {state.demo.enabled ? 'a local MEXC simulator' : 'MEXC'}: credentials,
        connectivity, clock, account, order read, trade. Each failure gets its cause and a fix you can copy.
      </Text>
      <Text>
        <Text bold>Your secret stays in memory:</Text> never shown, logged, or written to disk.
      </Text>
      <Box marginTop={1} flexDirection="column">
        <Text bold>What do you want to do?</Text>
        <Menu items={choices} focus={screen.focus} />
      </Box>
    </Box>
  );
}
