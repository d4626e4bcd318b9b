import { styler } from '../commands/format.js';
import { InterruptedError, UsageError, type CommandIO } from '../commands/io.js';
import { sessionOptions, type CommonFlags } from '../commands/options.js';
import { localIsoDate } from '../flow/expiry.js';
import type { Loaders } from '../flow/runtime.js';
import type { CopyOutcome, Event, WizardState } from '../flow/types.js';
import { createWizard } from '../flow/wizard.js';
import { SCENARIOS } from '../sim/scenarios.js';
import { VERSION } from '../version.js';
import { questionFor, type Action, type Question } from './menus.js';
import { BackRequested, QuitRequested, createPrompter, type Prompter } from './prompter.js';
import { renderError, renderFlash, renderLogEntry, renderScreen, screenKey, type RenderContext } from './render.js';

/**
 * `--plain`: the wizard as questions and printed lines, for terminals that cannot host Ink
 * (mintty without ConPTY, some SSH and container setups) and for screen readers. It runs the
 * same flow as the Ink wizard (`flow/next.ts` decides every screen, `flow/runtime.ts` runs
 * every effect); this file only prints what a screen shows and asks what it offers.
 */

export interface PlainOptions extends CommonFlags {
  demo?: boolean;
  scenario?: string;
}

/** What tests (and a future caller with other streams) replace. */
export interface PlainDeps {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  prompter?: Prompter;
  loaders?: Partial<Loaders>;
  copy?: (text: string, what: string) => Promise<CopyOutcome>;
}

export async function runPlain(opts: PlainOptions, io: CommandIO, deps: PlainDeps = {}): Promise<number> {
  const { demo: demoFlag, scenario, ...flags } = opts;
  if (scenario !== undefined && !SCENARIOS.some((s) => s.name === scenario)) {
    throw new UsageError(`Unknown scenario "${scenario}".`, `Scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const demo = Boolean(demoFlag);
  if (scenario !== undefined && !demo) io.stderr(`--scenario ${scenario} only applies with --demo: ignoring it.\n`);
  const session = sessionOptions(flags, io);
  const stdin = deps.stdin ?? process.stdin;
  const stdout = deps.stdout ?? process.stdout;
  const prompter =
    deps.prompter ??
    createPrompter({
      stdin,
      stdout,
      color: io.color,
      signal: io.signal,
      ...(io.env.TERM !== undefined ? { term: io.env.TERM } : {}),
      ...(io.promptSecret ? { readHidden: io.promptSecret } : {}),
    });
  const today = localIsoDate(io.now());

  let exitCode: number | undefined;
  let onExit: (code: number) => void = () => undefined;
  const exited = new Promise<void>((resolve) => {
    onExit = (code) => {
      exitCode = code;
      resolve();
    };
  });
  const { store, runtime } = createWizard(
    {
      version: VERSION,
      today,
      demo,
      ...(demo && scenario ? { scenario } : {}),
      scenarios: SCENARIOS.map((s) => ({ name: s.name, description: s.description })),
    },
    {
      session,
      version: VERSION,
      cwd: io.cwd,
      today,
      now: io.now,
      signal: io.signal,
      copy: deps.copy ?? ((text, what) => copyToClipboard(text, what, io, stdout)),
      onExit: (code) => onExit(code),
      ...(deps.loaders ? { loaders: deps.loaders } : {}),
      ...(io.redactor ? { redactor: io.redactor } : {}),
    },
  );
  const interrupt = () => store.dispatch({ type: 'interrupt' });
  io.signal.addEventListener('abort', interrupt, { once: true });
  if (io.signal.aborted) interrupt();

  const printer = createPrinter(io, stdout, Boolean(opts.verbose), prompter.keys);
  runtime.warmUp();
  try {
    for (;;) {
      const state = store.getState();
      printer.update(state);
      if (exitCode !== undefined) return exitCode;
      // Let every effect asked for so far answer first (a step, a copy), so no answer lands
      // under an open prompt. On a screen with nothing to ask the wizard works: the static
      // "checking…" line is printed, stray keys are swallowed, Ctrl-C still stops it.
      const busy = questionFor(state) === undefined;
      const release = busy ? prompter.hold(interrupt) : undefined;
      try {
        await Promise.race([runtime.idle(), exited]);
      } finally {
        release?.();
      }
      if (store.getState() !== state || exitCode !== undefined) continue;
      const question = questionFor(state);
      if (!question) {
        if (state.screen.kind !== 'exiting') throw new Error(`plain mode has nothing to ask on the ${state.screen.kind} screen`);
        await exited;
        continue;
      }
      printer.beforeQuestion(state);
      for (const event of await answer(prompter, question)) store.dispatch(event);
    }
  } finally {
    io.signal.removeEventListener('abort', interrupt);
    prompter.close();
    await runtime.shutdown();
  }
}

/** Asks one question and turns the answer (or Esc, Ctrl-C, end of input) into flow events. */
export async function answer(prompter: Prompter, question: Question): Promise<Event[]> {
  try {
    switch (question.kind) {
      case 'select': {
        let action: Action = await prompter.select(question.message, question.choices, question.initial);
        while (action.then) {
          // Esc in a second menu ("Copy which fix?") returns to the first, not to the screen before.
          const picked = await prompter.select(action.then.message, action.then.choices, action.then.initial).catch((error: unknown) => {
            if (error instanceof BackRequested) return undefined;
            throw error;
          });
          if (!picked) return [];
          action = picked;
        }
        return action.events;
      }
      case 'secret':
        return question.answer(await prompter.secret(question.message));
      case 'text':
        return question.answer(await prompter.text(question.message));
      case 'confirm':
        return question.answer(await prompter.confirm(question.message, question.initial));
    }
  } catch (error) {
    if (error instanceof BackRequested) return [{ type: 'back' }];
    if (error instanceof QuitRequested) return [{ type: 'quit' }];
    if (error instanceof InterruptedError) return [{ type: 'interrupt' }];
    throw error;
  }
}

/**
 * Prints what changed since the last look, never redrawing: new history entries, the screen
 * when a new one is entered, then the one-line flash ("Copied…").
 */
export function createPrinter(io: Pick<CommandIO, 'stdout' | 'color'>, stdout: Pick<NodeJS.WriteStream, 'columns'>, verbose: boolean, keys?: string) {
  let lastSeq = 0;
  let lastScreen: string | undefined;
  let lastFlash: WizardState['flash'];
  const s = styler(io.color);
  const ctx = (): RenderContext => ({ s, columns: stdout.columns || 80, verbose, ...(keys ? { keys } : {}) });
  const print = (lines: string[]) => {
    if (lines.length) io.stdout(`${lines.join('\n')}\n`);
  };
  return {
    update(state: WizardState) {
      const c = ctx();
      for (const entry of state.log) {
        if (entry.seq <= lastSeq) continue;
        lastSeq = entry.seq;
        print(renderLogEntry(entry, c));
      }
      const key = screenKey(state.screen);
      if (key !== lastScreen) {
        lastScreen = key;
        print(renderScreen(state, c));
      }
      if (state.flash && state.flash !== lastFlash) print(renderFlash(state.flash, c));
      lastFlash = state.flash;
    },
    /** A blank line before each question, and an input problem just above the one that asks again. */
    beforeQuestion(state: WizardState) {
      const screen = state.screen;
      const text = 'error' in screen ? screen.error : undefined;
      print(['', ...(text ? renderError(text, ctx()) : [])]);
    },
  };
}

/** The Ink wizard's clipboard (OSC 52, then a system tool); plain words when neither works. */
async function copyToClipboard(text: string, what: string, io: CommandIO, stdout: NodeJS.WriteStream): Promise<CopyOutcome> {
  const { copyText } = await import('../ui/clipboard.js');
  const outcome = await copyText(text, what, { env: io.env, platform: io.platform, isTTY: io.isTTY, writeRaw: (data) => void stdout.write(data) });
  return outcome.ok ? outcome : { ok: false, text: 'No clipboard here: select the text printed above with the mouse instead.' };
}
