import { Box, Text } from 'ink';
import { STATUS_MARK, STEP_INFO, stepNumber } from '../../flow/content.js';
import { STEP_IDS } from '../../core/types.js';
import { Busy } from '../components.js';
import type { ScreenProps } from './types.js';

export function StepScreen({ screen }: ScreenProps<'step'>) {
  const info = STEP_INFO[screen.id];
  return (
    <Box flexDirection="column">
      <Text bold>
        Step {stepNumber(screen.id)} of {STEP_IDS.length} · {info.title}
      </Text>
      <Busy label={info.running} />
    </Box>
  );
}

export function StartingDemoScreen({ screen }: ScreenProps<'starting-demo'>) {
  return <Busy label={`Starting the local MEXC simulator (scenario: ${screen.scenario})`} />;
}

/** The last frame stays in the terminal after exit: the checklist's verdict in one line or two. */
export function ExitingScreen({ state, screen }: ScreenProps<'exiting'>) {
  if (screen.code === 130) return <Text>Interrupted: requests aborted, nothing saved.</Text>;
  const ran = STEP_IDS.map((id) => state.results[id]).filter((r) => r !== undefined);
  const failed = ran.filter((r) => r.status === 'fail');
  return (
    <Box flexDirection="column">
      {ran.length ? (
        <Text>
          {ran.map((r) => `${STATUS_MARK[r.status].symbol} ${STEP_INFO[r.id].title}`).join('  ')}
        </Text>
      ) : null}
      {failed.length ? (
        <Text color="red">
          ✗ {failed.length} step{failed.length === 1 ? '' : 's'} failed: {failed.map((r) => r.diagnoses[0]?.title ?? r.summary).join('; ')}
        </Text>
      ) : ran.length ? (
        <Text color="green">✓ No step failed.</Text>
      ) : null}
      <Text dimColor>Bye. Nothing was written to disk except reports you saved.</Text>
    </Box>
  );
}
