import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../../src/flow/next.js';
import { viewOf } from '../../src/flow/screens/index.js';
import { createStore } from '../../src/flow/store.js';
import { PassThrough } from 'node:stream';
import { render as inkRender } from 'ink';
import { eraseFirstFrame, firstFrameText, replaceFirstFrame } from '../../src/shell/first-frame.js';
import { App } from '../../src/ui/App.js';

/**
 * The welcome screen drawn before Ink loads must be the frame Ink then draws over it, line for
 * line, or the user sees the menu jump or appear twice.
 */

afterEach(() => cleanup());

const SCENARIOS = [
  { name: 'ok', description: 'a healthy exchange' },
  { name: 'clock-ahead', description: 'server clock behind' },
];

const RUNS = [
  { name: 'diagnose', init: {} },
  { name: '--demo', init: { demo: true, scenarios: SCENARIOS } },
  { name: '--demo --scenario clock-ahead', init: { demo: true, scenario: 'clock-ahead', scenarios: SCENARIOS } },
];

describe.each(RUNS)('the first frame ($name)', ({ init }) => {
  it.each([40, 60, 80, 100])('is what Ink draws at %i columns', (columns) => {
    const state = initialState({ version: '1.2.3', today: '2026-03-10', bannerShown: true, ...init });
    const ink = render(<App store={createStore(state, () => undefined)} size={{ columns, rows: 40 }} />);
    const frame = firstFrameText(viewOf(state), { version: '1.2.3', demo: Boolean(init.demo), columns, color: false });
    expect(frame.live.join('\n')).toBe(ink.lastFrame());
    for (const line of [...frame.banner, ...frame.live]) expect([...line].length).toBeLessThanOrEqual(columns);
  });
});

describe('handing the first frame to Ink', () => {
  it('erases exactly the live rows, inside a synchronized update', () => {
    expect(eraseFirstFrame({ liveRows: 12 })).toBe('\u001b[?2026h\u001b[12F\u001b[J');
    expect(eraseFirstFrame({ liveRows: 0 })).toBe('');
  });

  it('holds back what the render writes and sends it after the erasing, as one write', () => {
    const writes: string[] = [];
    const stdout = {
      write: (chunk: string, done?: () => void) => {
        writes.push(chunk);
        done?.();
        return true;
      },
    } as unknown as NodeJS.WriteStream;
    let called = false;
    const value = replaceFirstFrame(stdout, { liveRows: 3 }, () => {
      stdout.write('\u001b[?25l');
      stdout.write('frame line 1\nframe line 2\n', () => (called = true));
      return 42;
    });
    expect(value).toBe(42);
    expect(writes).toEqual(['\u001b[?2026h\u001b[3F\u001b[J\u001b[?25lframe line 1\nframe line 2\n\u001b[?2026l']);
    expect(called).toBe(true);
  });

  // Ink draws nothing until unmount when it thinks it runs in CI (is-in-ci reads CI at import).
  const inCI = ['CI', 'CONTINUOUS_INTEGRATION'].some((v) => v in process.env && process.env[v] !== '0' && process.env[v] !== 'false');
  it.skipIf(inCI)("writes the erasing and Ink's first frame as one write: no blank screen while Ink renders", async () => {
    const state = initialState({ version: '1.2.3', today: '2026-03-10', bannerShown: true });
    const writes: string[] = [];
    const stdout = Object.assign(new PassThrough(), { columns: 80, rows: 30, isTTY: true }) as unknown as NodeJS.WriteStream;
    stdout.write = ((chunk: string, done?: () => void) => {
      writes.push(String(chunk));
      done?.();
      return true;
    }) as typeof stdout.write;
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin }) as unknown as NodeJS.ReadStream;
    const ink = replaceFirstFrame(stdout, { liveRows: 12 }, () =>
      inkRender(<App store={createStore(state, () => undefined)} size={{ columns: 80, rows: 30 }} />, { stdout, stdin, patchConsole: false, exitOnCtrlC: false }),
    );
    try {
      expect(writes).toHaveLength(1);
      expect(writes[0]!.startsWith('\u001b[?2026h\u001b[12F\u001b[J')).toBe(true);
      expect(writes[0]).toContain('What do you want to do?');
      expect(writes[0]!.endsWith('\u001b[?2026l')).toBe(true);
    } finally {
      ink.unmount();
    }
  });

  it('keeps colour to what the screen says in words', () => {
    const state = initialState({ version: '1.2.3', today: '2026-03-10', bannerShown: true });
    const coloured = firstFrameText(viewOf(state), { version: '1.2.3', demo: false, columns: 80, color: true });
    const plain = firstFrameText(viewOf(state), { version: '1.2.3', demo: false, columns: 80, color: false });
    // eslint-disable-next-line no-control-regex
    expect(coloured.live.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''))).toEqual(plain.live);
    expect(coloured.live.join('\n')).toMatch(/\u001b\[/);
  });
});
