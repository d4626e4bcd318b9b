import { dispatchKeys } from '../flow/keys.js';
import { viewOf } from '../flow/screens/index.js';
import type { WizardState } from '../flow/types.js';
import { hintsOf, itemNumber, itemText, type View } from '../flow/view.js';
import { styler } from '../shell/format.js';
import type { CommandIO } from '../shell/io.js';
import { launchWizard, type FrontEnd, type LaunchOptions, type WizardFlags } from '../shell/launcher.js';
import { maskSecretLike, wrap } from '../shell/layout.js';
import { parseTerminalKeys } from '../shell/terminal-keys.js';
import { renderError, renderFlash, renderLogEntry, renderScreen, screenKey, type RenderContext } from './render.js';

/**
 * `--screen-reader` (also `INK_SCREEN_READER=true`, `ACCESSIBLE=1`): the wizard as a stream
 * of lines that only ever grows. Keys are the Ink wizard's (the flow's keyToEvents, through
 * the same chunk reading), but nothing is erased or redrawn: entering a screen prints it once
 * (words, its menu with the focused item said "selected", its keys), and a key then appends
 * only what changed: the newly focused item, a message, an input problem. A screen reader
 * reads each line once, in order, and never the whole screen again.
 */
export function linearFrontEnd(io: Pick<CommandIO, 'stdout' | 'color'>, opts: { verbose: boolean }): FrontEnd {
  return {
    async show({ wizard, stdin, stdout, exited }) {
      const { store, runtime } = wizard;
      const printer = createLinearPrinter(io, stdout, opts.verbose);
      const onData = (chunk: Buffer | string) => {
        for (const { input, key } of parseTerminalKeys(String(chunk))) dispatchKeys(store, input, key, Date.now());
      };
      const raw = typeof stdin.setRawMode === 'function' && stdin.isTTY;
      if (raw) stdin.setRawMode(true);
      stdin.setEncoding('utf8');
      stdin.on('data', onData);
      stdin.resume();
      const unsubscribe = store.subscribe(() => printer.update(store.getState()));
      printer.update(store.getState());
      runtime.warmUp();
      try {
        await exited;
      } finally {
        unsubscribe();
        stdin.off('data', onData);
        if (raw) stdin.setRawMode(false);
        stdin.pause();
      }
      // The last words once a copy or a save asked for before leaving is done: nothing after them.
      printer.update(store.getState(), { final: true });
    },
  };
}

/** The screen-reader wizard from start to exit code (cli.ts calls this). */
export function runLinear(flags: WizardFlags, io: CommandIO, opts: LaunchOptions = {}): Promise<number> {
  return launchWizard(flags, io, async () => linearFrontEnd(io, { verbose: Boolean(flags.verbose) }), opts);
}

/** The focus a key moves: the menu's, or the list's (fixes, findings). */
const focusOf = (view: View) => view.menu?.focus ?? view.list?.focus;

/**
 * What the field shows of what was typed, the way the Ink wizard draws it: a line as typed, a
 * paste with anything shaped like a secret masked, a secret as one dot per character.
 */
function typedEcho(state: WizardState, view: View): string {
  const field = view.field;
  if (!field) return '';
  if (field.kind === 'secret') {
    const active = view.body?.kind === 'masked' ? view.body.fields.find((f) => f.active) : undefined;
    return '•'.repeat(active?.length ?? 0);
  }
  const text = 'text' in state.screen && typeof state.screen.text === 'string' ? state.screen.text : '';
  return field.kind === 'paste' ? maskSecretLike(text).replace(/\r\n?/g, '\n') : text;
}

/**
 * Prints what changed since the last look, never redrawing: new history entries, a screen
 * when a new one is entered, else the newly focused item, a new message or input problem. A
 * field ends with its prompt, and what is typed is echoed after it, as a terminal's own line
 * editing would (Backspace steps back over the last character).
 */
export function createLinearPrinter(io: Pick<CommandIO, 'stdout' | 'color'>, stdout: Pick<NodeJS.WriteStream, 'columns'>, verbose: boolean) {
  let lastSeq = 0;
  let lastScreen: string | undefined;
  let lastFocus: number | undefined;
  let lastError: string | undefined;
  let lastFlash: WizardState['flash'];
  /** What was echoed after the open prompt; undefined when the last line is complete. */
  let echoed: string | undefined;
  let lastKeys: string | undefined;
  const s = styler(io.color);
  const ctx = (): RenderContext => ({ s, columns: stdout.columns || 80, verbose, listsMenus: true });
  const write = (text: string) => {
    if (text) io.stdout(text);
  };
  /** Whole lines, below a prompt left open if there is one. */
  const print = (lines: string[]) => {
    if (!lines.length) return;
    write(`${echoed !== undefined ? '\n' : ''}${lines.join('\n')}\n`);
    echoed = undefined;
  };
  const width = () => Math.max(30, Math.min(stdout.columns || 80, 100) - 1);
  const prose = (text: string, indent = '', hanging = indent) => wrap(text, width(), { indent, hangingIndent: hanging });
  /** The field's prompt, left open for what is typed (and what was typed so far). */
  const prompt = (state: WizardState, view: View) => {
    if (!view.field) return;
    const typed = typedEcho(state, view);
    write(`${echoed !== undefined ? '\n' : ''}${view.field.prompt}: ${typed}`);
    echoed = typed;
  };
  /** Appends what was typed since the last look; an erased character is stepped back over. */
  const echo = (state: WizardState, view: View) => {
    if (!view.field || echoed === undefined) return;
    const typed = typedEcho(state, view);
    if (typed === echoed) return;
    if (typed.startsWith(echoed)) write(typed.slice(echoed.length));
    else if (echoed.startsWith(typed) && !/\n/.test(echoed.slice(typed.length))) write('\b \b'.repeat([...echoed.slice(typed.length)].length));
    else {
      // Cleared (Ctrl-U) or masked differently: the prompt again on a line of its own.
      echoed = undefined;
      prompt(state, view);
      return;
    }
    echoed = typed;
  };

  /** One item of the menu or list, the focused one said "selected" (and its detail). */
  const itemLine = (view: View, index: number): string[] => {
    const focused = index === focusOf(view);
    if (view.menu) {
      const item = view.menu.items[index];
      if (!item) return [];
      const detail = focused && item.detail ? `: ${item.detail}` : '';
      return prose(`${itemNumber(index, view.menu.items.length).trim()} ${itemText(item)}${focused ? ', selected' : ''}${detail}`, '  ', '     ');
    }
    if (view.list) {
      const body = view.body;
      const title = body?.kind === 'diagnosis' ? body.diagnosis.fixes[index]?.title : body?.kind === 'lab' ? body.findings[index]?.title : undefined;
      const noun = view.list.noun.charAt(0).toUpperCase() + view.list.noun.slice(1);
      return prose(`${noun} ${index + 1} of ${view.list.count}${focused ? ', selected' : ''}${title ? `: ${title}` : ''}`);
    }
    return [];
  };

  /** What a new screen adds to the printed words: its menu, an input problem, its keys. */
  const extras = (view: View): string[] => {
    const out: string[] = [];
    if (view.menu) {
      out.push('', ...prose(view.menu.question).map(s.bold));
      view.menu.items.forEach((_item, i) => out.push(...itemLine(view, i)));
    } else if (view.list && view.list.count > 0) {
      out.push('', ...itemLine(view, view.list.focus));
    }
    // The same keys as the screen before (one step after another) are not read out again.
    const hints = hintsOf(view);
    const keys = hints.length ? `Keys: ${hints.map((h) => `${h.keys} ${h.label}`).join(', ')}.` : undefined;
    if (keys && keys !== lastKeys) out.push(...prose(keys).map(s.dim));
    lastKeys = keys;
    if (view.error) out.push(...renderError(view.error, ctx()));
    return out;
  };

  return {
    update(state: WizardState, opts: { final?: boolean } = {}) {
      const c = ctx();
      for (const entry of state.log) {
        if (entry.seq <= lastSeq) continue;
        lastSeq = entry.seq;
        print(renderLogEntry(entry, c));
      }
      if (state.screen.kind === 'exiting' && !opts.final) return;
      const view = viewOf(state);
      // A new field (the secret after the key) is a new screen to the reader.
      const key = `${screenKey(state.screen)}|${view.field?.prompt ?? ''}|${view.heading ?? ''}`;
      if (key !== lastScreen) {
        lastScreen = key;
        lastFocus = focusOf(view);
        lastError = view.error;
        print([...renderScreen(state, c), ...extras(view)]);
        prompt(state, view);
      } else {
        const focus = focusOf(view);
        if (focus !== undefined && focus !== lastFocus) {
          lastFocus = focus;
          print(itemLine(view, focus));
        }
        if (view.error !== lastError) {
          lastError = view.error;
          if (view.error) {
            // The problem, then the question again, with what is still typed.
            print(renderError(view.error, c));
            prompt(state, view);
          }
        }
        echo(state, view);
      }
      if (state.flash && state.flash !== lastFlash) {
        print(renderFlash(state.flash, c));
        prompt(state, view);
      }
      lastFlash = state.flash;
    },
  };
}
