import { Box, Text } from 'ink';
import { welcomeChoices, welcomeSentence } from '../../flow/content.js';
import { Menu, Para } from '../components.js';
import type { ScreenProps } from './types.js';

export function WelcomeScreen({ state, screen, columns }: ScreenProps<'welcome'>) {
  const choices = welcomeChoices(state);
  const target = state.demo.enabled ? 'a local MEXC simulator' : 'MEXC';
  return (
    <Box flexDirection="column">
      <Para width={columns}>
        {welcomeSentence(target)}
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
