import type { CommandIO } from '../../src/shell/io.js';

export interface FakeIO extends CommandIO {
  out: () => string;
  err: () => string;
}

/** In-process IO for command tests: captures output, pins nothing unless asked. */
export function fakeIO(overrides: Partial<CommandIO> & { stdinText?: string } = {}): FakeIO {
  let out = '';
  let err = '';
  const { stdinText, ...rest } = overrides;
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    readStdin: async () => stdinText ?? '',
    isTTY: false,
    color: false,
    signal: new AbortController().signal,
    cwd: '/nonexistent-test-dir',
    platform: 'linux',
    now: () => Date.now(),
    ...rest,
    out: () => out,
    err: () => err,
  };
}
