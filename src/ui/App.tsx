import { Box, Static, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { hintsFor } from '../flow/content.js';
import { keyToEvent } from '../flow/keys.js';
import type { WizardStore } from '../flow/store.js';
import type { WizardState } from '../flow/types.js';
import { Flash, HintLine } from './components.js';
import { lineRows } from '../shell/layout.js';
import { LogItem } from './log-item.js';
import { CredentialsScreen } from './screens/credentials.js';
import { ExplainScreen } from './screens/explain.js';
import { ExpiryScreen } from './screens/expiry.js';
import { FixScreen } from './screens/fix.js';
import { LabScreen } from './screens/lab.js';
import { ScenarioScreen } from './screens/scenario.js';
import { ExitingScreen, StartingDemoScreen, StepScreen } from './screens/step.js';
import { SummaryScreen } from './screens/summary.js';
import { WelcomeScreen } from './screens/welcome.js';

const MAX_COLUMNS = 110;

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The terminal's size, following resizes (Ink 6 has no useWindowSize). */
function useTerminalSize(override?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (override) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, override]);
  return override ?? size;
}

/**
 * The root: the growing checklist in `<Static>`, the current screen, the status and key-hint
 * lines. It owns the only `useInput`, mounted for the whole session (ink-notes.md §3.3, #943),
 * and maps keys to events through the flow's key table; screens only draw.
 */
export function App({ store, size }: { store: WizardStore; size?: TerminalSize }) {
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const terminal = useTerminalSize(size);
  // Lines past ~110 columns are hard to read: a wide terminal gets a margin, not longer lines.
  const columns = Math.min(terminal.columns, MAX_COLUMNS);
  const rows = terminal.rows;
  const onKey = useCallback(
    (input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
      const event = keyToEvent(store.getState(), input, key);
      if (event) store.dispatch(event);
    },
    [store],
  );
  useInput(onKey);
  const hints = hintsFor(state);
  const hintText = hints.map((h) => `${h.keys}\u00a0${h.label.replace(/ /g, '\u00a0')}`).join(' · ');
  const chrome = 1 + (hints.length ? lineRows(hintText, columns) + 1 : 0) + (state.flash ? lineRows(`✓ ${state.flash.text}`, columns) : 0);
  // One row spare: a live area as tall as the terminal makes Ink clear the screen on every frame.
  const maxRows = Math.max(6, rows - chrome - 1);
  return (
    <>
      <Static items={state.log}>{(entry) => <LogItem key={entry.seq} entry={entry} width={columns} />}</Static>
      <Box flexDirection="column" width={columns} marginTop={1}>
        <ScreenView state={state} columns={columns} maxRows={maxRows} />
        {state.flash ? <Flash tone={state.flash.tone} text={state.flash.text} width={columns} /> : null}
        {hints.length ? (
          <Box marginTop={1}>
            <HintLine hints={hints} width={columns} />
          </Box>
        ) : null}
      </Box>
    </>
  );
}

function ScreenView({ state, columns, maxRows }: { state: WizardState; columns: number; maxRows: number }) {
  const common = { state, columns, maxRows };
  const s = state.screen;
  switch (s.kind) {
    case 'welcome':
      return <WelcomeScreen {...common} screen={s} />;
    case 'scenario':
      return <ScenarioScreen {...common} screen={s} />;
    case 'starting-demo':
      return <StartingDemoScreen {...common} screen={s} />;
    case 'credentials':
      return <CredentialsScreen {...common} screen={s} />;
    case 'step':
      return <StepScreen {...common} screen={s} />;
    case 'fix':
      return <FixScreen {...common} screen={s} />;
    case 'expiry':
      return <ExpiryScreen {...common} screen={s} />;
    case 'explain':
      return <ExplainScreen {...common} screen={s} />;
    case 'lab':
      return <LabScreen {...common} screen={s} />;
    case 'summary':
      return <SummaryScreen {...common} screen={s} />;
    case 'exiting':
      return <ExitingScreen {...common} screen={s} />;
  }
}
