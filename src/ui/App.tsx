import { Box, Static, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { dispatchKeys } from '../flow/keys.js';
import { viewOf } from '../flow/screens/index.js';
import type { WizardStore } from '../flow/store.js';
import { hintsOf, hintText } from '../flow/view.js';
import { lineRows } from '../shell/layout.js';
import { Flash, HintLine } from './components.js';
import { LogItem, printedBlock } from './log-item.js';
import { ViewScreen } from './view.js';

/** Lines past ~110 columns are hard to read: a wide terminal gets a margin, not longer lines. */
export const MAX_COLUMNS = 110;

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
 * The root: the growing checklist in `<Static>`, the current screen's View, the status and
 * key-hint lines. It owns the only `useInput`, mounted for the whole session (Ink 6 hangs when
 * the last input hook unmounts while screens swap: vadimdemedes/ink#943), and maps keys to
 * events through the flow's `keyToEvent`; nothing below it reads keys.
 */
export function App({ store, size, hyperlinks = false }: { store: WizardStore; size?: TerminalSize; hyperlinks?: boolean }) {
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const terminal = useTerminalSize(size);
  const columns = Math.min(terminal.columns, MAX_COLUMNS);
  const onKey = useCallback(
    (input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
      dispatchKeys(store, input, key, Date.now());
    },
    [store],
  );
  useInput(onKey);
  const { write } = useStdout();
  // Text printed to copy (a fix, the report) goes out raw, outside Ink's layout: Ink would fold
  // its long lines into pieces, and the terminal's own soft wrap keeps a selection whole.
  // Everything else in the history is laid out by Ink, once, in <Static>.
  const laidOut = useMemo(() => state.log.filter((e) => e.kind !== 'text'), [state.log]);
  const printed = useRef(0);
  useEffect(() => {
    for (const entry of state.log) {
      if (entry.seq <= printed.current) continue;
      printed.current = entry.seq;
      if (entry.kind === 'text') write(printedBlock(entry));
    }
  }, [state.log, write]);
  const view = viewOf(state);
  const hints = hintsOf(view);
  const chrome = 1 + (hints.length ? lineRows(hintText(hints), columns) + 1 : 0) + (state.flash ? lineRows(`✓ ${state.flash.text}`, columns) : 0);
  // One row spare: a live area as tall as the terminal makes Ink clear the screen on every frame.
  const maxRows = Math.max(6, terminal.rows - chrome - 1);
  return (
    <>
      <Static items={laidOut}>{(entry) => <LogItem key={entry.seq} entry={entry} width={columns} />}</Static>
      <Box flexDirection="column" width={columns} marginTop={1}>
        <ViewScreen view={view} columns={columns} maxRows={maxRows} hyperlinks={hyperlinks} />
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
