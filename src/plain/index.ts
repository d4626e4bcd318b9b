import type { Event, WizardState } from '../flow/types.js';
import { styler } from '../shell/format.js';
import { InterruptedError, type CommandIO } from '../shell/io.js';
import { launchWizard, type FrontEnd, type LaunchOptions, type WizardFlags } from '../shell/launcher.js';
import { questionFor, type Action, type Question } from './menus.js';
import { BackRequested, QuitRequested, createPrompter, type Prompter } from './prompter.js';
import { renderError, renderFlash, renderLogEntry, renderScreen, screenKey, type RenderContext } from './render.js';

/**
 * `--plain`: the wizard as questions and printed lines, for terminals that cannot host Ink
 * (mintty without ConPTY, some SSH and container setups) and for screen readers. It shows the
 * same flow and the same Views as the Ink wizard; this file only prints what a screen shows
 * and asks what it offers.
 */

/** The plain front end; `prompter` replaces the keyboard in tests. */
export function plainFrontEnd(io: Pick<CommandIO, 'stdout' | 'color' | 'signal' | 'env' | 'promptSecret'>, opts: { verbose: boolean; prompter?: Prompter }): FrontEnd {
  return {
    async show({ wizard, stdin, stdout, exited, hyperlinks }) {
      const { store, runtime } = wizard;
      const prompter =
        opts.prompter ??
        createPrompter({
          stdin,
          stdout,
          color: io.color,
          signal: io.signal,
          ...(io.env.TERM !== undefined ? { term: io.env.TERM } : {}),
          ...(io.promptSecret ? { readHidden: io.promptSecret } : {}),
        });
      let done = false;
      void exited.then(() => (done = true));
      const interrupt = () => store.dispatch({ type: 'interrupt' });
      const printer = createPrinter(io, stdout, opts.verbose, prompter.keys, hyperlinks);
      runtime.warmUp();
      try {
        for (;;) {
          const state = store.getState();
          if (state.screen.kind === 'exiting') {
            // The last words wait until a copy or a save asked for before leaving is done, so
            // they are true and nothing is printed after them.
            await exited;
            printer.update(store.getState());
            return;
          }
          printer.update(state);
          if (done) return;
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
          if (store.getState() !== state || done) continue;
          const question = questionFor(state);
          if (!question) throw new Error(`plain mode has nothing to ask on the ${state.screen.kind} screen`);
          printer.beforeQuestion(state);
          for (const event of await answer(prompter, question)) store.dispatch(event);
        }
      } finally {
        prompter.close();
      }
    },
  };
}

/** The plain wizard from start to exit code (cli.ts and the tests call this). */
export function runPlain(flags: WizardFlags, io: CommandIO, opts: LaunchOptions & { prompter?: Prompter } = {}): Promise<number> {
  const { prompter, ...launch } = opts;
  const frontEnd = plainFrontEnd(io, { verbose: Boolean(flags.verbose), ...(prompter ? { prompter } : {}) });
  return launchWizard(flags, io, async () => frontEnd, launch);
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
export function createPrinter(io: Pick<CommandIO, 'stdout' | 'color'>, stdout: Pick<NodeJS.WriteStream, 'columns'>, verbose: boolean, keys?: string, hyperlinks = false) {
  let lastSeq = 0;
  let lastScreen: string | undefined;
  let lastFlash: WizardState['flash'];
  const s = styler(io.color);
  const ctx = (): RenderContext => ({ s, columns: stdout.columns || 80, verbose, hyperlinks, ...(keys ? { keys } : {}) });
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
