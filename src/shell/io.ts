import { DEFAULT_INVOCATION } from '../core/defaults.js';
import type { SecretRedactor } from '../core/secret-redactor.js';

/**
 * What a command may touch, injected by cli.ts so commands run in-process in tests and never
 * reach for `process` themselves.
 */
export interface CommandIO {
  /** Writes to standard output as-is (callers add newlines). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of standard input (for `-` arguments and pipes). */
  readStdin: () => Promise<string>;
  /** True when stdin and stdout are terminals (prompts allowed). */
  isTTY: boolean;
  /** Whether colour may be used (TTY and no NO_COLOR / --no-color). */
  color: boolean;
  /** Fires on Ctrl-C: commands abort requests and return 130. */
  signal: AbortSignal;
  /** Masked prompt for a secret on a TTY; undefined when there is no terminal. */
  promptSecret?: (label: string) => Promise<string>;
  cwd: string;
  platform: NodeJS.Platform;
  /** Local wall clock in ms (injected so tests can pin it). */
  now: () => number;
  /** Node version and CPU architecture, for reports ("v20.20.2", "x64"). */
  runtime?: { node: string; arch: string };
  /** Every secret this run knows (environment, .env files, typed ones are added): masks output. */
  redactor?: SecretRedactor;
  /** How the user started the tool ("npx mexc-wizard", "node bin/mexc-wizard.js"): shell/invocation.ts. */
  invocation?: string;
  /** Whether stdout draws OSC 8 links (shell/hyperlink.ts); plain URLs when false or absent. */
  links?: boolean;
}

/** The command to show for `args` ("check --futures"), started the way the user started this run. */
export function toolCommand(io: Pick<CommandIO, 'invocation'>, args = ''): string {
  return `${io.invocation ?? DEFAULT_INVOCATION}${args ? ` ${args}` : ''}`;
}

/** Exit codes (README "Commands"): 0 all good · 1 a problem was diagnosed · 2 usage error · 130 interrupted. */
export const EXIT = { ok: 0, problem: 1, usage: 2, interrupted: 130 } as const;

/** A user mistake in the command line or input: printed as one sentence plus a fix, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The user pressed Ctrl-C at a prompt: exit 130 without a message. */
export class InterruptedError extends Error {
  constructor() {
    super('Interrupted');
  }
}
