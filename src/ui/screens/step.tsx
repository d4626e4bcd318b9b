import { Box, Text } from 'ink';
import { STATUS_MARK, STEP_INFO, stepNumber } from '../../flow/content.js';
import { STEP_IDS } from '../../core/types.js';
import { Busy, Para } from '../components.js';
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

/** The last frame stays in the terminal after exit: the checklist's verdict in a line or two. */
export function ExitingScreen({ state, screen, columns }: ScreenProps<'exiting'>) {
  if (screen.code === 130) return <Text>Interrupted: requests aborted, nothing saved.</Text>;
  const ran = STEP_IDS.map((id) => state.results[id]).filter((r) => r !== undefined);
  const failed = ran.filter((r) => r.status === 'fail');
  const causes = [...new Set(failed.map((r) => r.diagnoses[0]?.title ?? r.summary))];
  return (
    <Box flexDirection="column">
      {ran.length ? <Para width={columns}>{ran.map((r) => `${STATUS_MARK[r.status].symbol}\u00a0${STEP_INFO[r.id].title.replace(/ /g, '\u00a0')}`).join('  ')}</Para> : null}
      {failed.length ? (
        <Para width={columns} color="red">
          {`✗ ${failed.map((r) => STEP_INFO[r.id].title).join(', ')} failed: ${causes.join('; ')}`}
        </Para>
      ) : ran.length ? (
        <Text color="green">✓ No step failed.</Text>
      ) : null}
      <Para width={columns} dimColor>
        Bye. Nothing was written to disk except reports you saved.
      </Para>
    </Box>
  );
}
