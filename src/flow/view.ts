import type { LabFinding } from '../core/lab/types.js';
import type { ClockTiming, Diagnosis, Fix, StepStatus } from '../core/types.js';
import { STATUS_MARK } from './content.js';
import type { Event, Tone } from './types.js';

/**
 * What a screen shows and offers, as data: the words (headings, paragraphs, the diagnosis, the
 * checklist…) and the ways on (a menu, a list to focus, a text field, actions). Every front end
 * renders a View and nothing else: the Ink wizard draws it and maps keys through `keyToEvent`,
 * the plain front end prints it and asks its menu. Each screen module in `screens/` builds one.
 */
export interface View {
  /** The bold line on top ("Key expiry helper"). */
  heading?: string;
  /** A status line under the heading (fix screen: "✗ FAIL Step 4 of 6 · Account"). */
  status?: { status: StepStatus; text: string };
  paragraphs?: Paragraph[];
  /** MEXC's timing rule and where the user's timestamp lands (the clock step's fix screen). */
  timing?: ClockTiming;
  /** The screen's structured content, when it has more than paragraphs. */
  body?: Body;
  /** Web pages to go on with: the URL always shown, a clickable link (OSC 8) where the terminal draws one. */
  links?: Link[];
  /** Choices the user picks one of (Ink: a menu with a pointer; plain: a numbered select). */
  menu?: Menu;
  /** Items of the body the user moves a focus over, for actions that work on one of them. */
  list?: ListNav;
  /** A text field: every printable key is text while it is shown. */
  field?: Field;
  /** The wizard works (a step runs): what it is doing. Nothing to answer meanwhile. */
  busy?: string;
  /** An input problem, shown just above the field or question that asks again. */
  error?: string;
  /** Everything else the screen offers, in the order they are listed (see actions.ts). */
  actions: Action[];
}

export interface Paragraph {
  text: string;
  /** Colour of a verdict line; words carry the meaning too (✓, !, ✗), never colour alone. */
  tone?: Tone;
  bold?: boolean;
  /** Secondary prose (instructions, explanations a user may skip). */
  dim?: boolean;
}

export type Body =
  /** Label and value pairs ("API key  mx0a…WC5 from .env"). */
  | { kind: 'rows'; rows: Array<{ label: string; value: string }> }
  /** Masked inputs: one bullet per character typed, never the value. */
  | { kind: 'masked'; fields: Array<{ label: string; length: number; active: boolean; placeholder?: string }> }
  /** A pasted block echoed back (anything shaped like a secret masked by the renderer). */
  | { kind: 'paste'; text: string; placeholder: string }
  /** The quick-fix screen: one diagnosis, its fixes, the focused fix drawn in full. */
  | { kind: 'diagnosis'; diagnosis: Diagnosis; focus: number }
  /** The signature lab's answer. */
  | {
      kind: 'lab';
      valid: boolean;
      verdict: string;
      facts: string[];
      findings: Array<Pick<LabFinding, 'id' | 'title' | 'detail' | 'severity'>>;
      focus: number;
      notes: string[];
    };

export interface Link {
  label: string;
  url: string;
}

export interface Menu {
  /** The question above the choices (plain mode asks it; Ink shows it in bold). */
  question: string;
  items: MenuItem[];
  focus: number;
  /** Hint words: what moving does ("choose") and what Enter does ("start"). */
  moveHint: string;
  enterHint: string;
}

export interface MenuItem {
  label: string;
  detail?: string;
  /** A problem in the summary list: its status, shown as a word and a symbol. */
  status?: StepStatus;
  /** A letter that chooses this item at once (y, n, t, v…), with its hint words. */
  key?: { key: string; hint: string };
}

/**
 * Code and commands (sh, PowerShell, Python, JavaScript): every front end keeps each line whole
 * and unchanged, so a selection pastes and runs. Steps and text are prose and wrap at words.
 */
export function isCodeFix(fix: Pick<Fix, 'lang'>): boolean {
  return fix.lang !== 'steps' && fix.lang !== 'text';
}

/** A menu line as every front end prints it: a problem starts with its status (✗ FAIL). */
export function itemText(item: MenuItem): string {
  return item.status ? `${STATUS_MARK[item.status].symbol} ${STATUS_MARK[item.status].word} ${item.label}` : item.label;
}

/** A menu line's number, right-aligned for the list's longest ("1.", " 9.", "10."): every item has one. */
export function itemNumber(index: number, count: number): string {
  return `${index + 1}.`.padStart(String(Math.max(1, count)).length + 1);
}

export interface ListNav {
  /** What the items are called in the hint line ("fix", "finding"). */
  noun: string;
  count: number;
  focus: number;
}

export interface Field {
  /** `paste` keeps line breaks; `secret` is drawn as bullets; `line` is one short line. */
  kind: 'line' | 'paste' | 'secret';
  /** The question a front end without a drawn field asks ("API key (masked)"). */
  prompt: string;
  /** What Enter does, for the hint line ("explain", "next", "check"). */
  submit: string;
}

/**
 * Something a screen offers besides its menu: a key for front ends that read keys, a label
 * for front ends that list choices, and the event both send. Definitions live in actions.ts.
 */
export interface Action {
  id: string;
  /** The key that triggers it: a printable character, or Enter, Esc, ← or →. */
  key: string;
  /** Words after the key in the hint line ("copy"). */
  hint: string;
  /** The line in a menu of actions ("Copy a fix to the clipboard"). */
  label: string;
  detail?: string;
  event: Event;
  /**
   * It works on the focused item of `list`: a front end without a focus asks which one first,
   * then sends `{type: 'pick', index, activate: false}` and `event`.
   */
  perItem?: { question: string; items: string[] };
}

export interface Hint {
  keys: string;
  label: string;
}

/** The key-hint line, derived from the view: every hint names a key `keyToEvent` acts on here. */
export function hintsOf(view: View): Hint[] {
  const hints: Hint[] = [];
  if (view.field) {
    hints.push({ keys: 'Enter', label: view.field.submit }, { keys: 'Ctrl-U', label: 'clear' });
  }
  if (view.menu) {
    hints.push({ keys: `↑↓/${numberKeys(view.menu.items.length)}`, label: view.menu.moveHint });
    hints.push({ keys: 'Enter', label: view.menu.enterHint });
    for (const item of view.menu.items) if (item.key) hints.push({ keys: item.key.key, label: item.key.hint });
  }
  if (view.list && view.list.count > 1) hints.push({ keys: `↑↓/${numberKeys(view.list.count)}`, label: view.list.noun });
  for (const action of view.actions) {
    const last = hints[hints.length - 1];
    // ← and → of one pair read as one hint: "←→ problem".
    if (last && last.label === action.hint && isArrow(last.keys) && isArrow(action.key)) last.keys += action.key;
    else hints.push({ keys: action.key, label: action.hint });
  }
  if (view.busy || view.field) hints.push({ keys: 'Ctrl-C', label: view.busy ? 'stop and quit' : 'quit' });
  return hints;
}

const isArrow = (keys: string) => /^[←→]+$/.test(keys);

/** The number keys of a list of `count` items: "1-5", "1-12" (two digits typed together). */
const numberKeys = (count: number) => (count <= 1 ? '1' : `1-${count}`);

/** The hint line as one text: "Enter start · q quit", each key kept with its words by no-break spaces. */
export function hintText(hints: Hint[]): string {
  return hints.map((h) => `${h.keys}\u00a0${h.label.replace(/ /g, '\u00a0')}`).join(' · ');
}
