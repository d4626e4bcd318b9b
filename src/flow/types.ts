import type { LabFinding, LabResult } from '../core/lab/types.js';
import type { Api, Diagnosis, StepId, StepResult } from '../core/types.js';

/**
 * The wizard as data: every screen is one member of `Screen`; `next(state, event)` in next.ts
 * (which hands each screen's events to its module in screens/) is the only thing that moves
 * between them. Front ends render a screen's View and turn keys or answers into events; the
 * runtime turns effects into events.
 */

/** A demo scenario the welcome screen offers (from the simulator's list, passed in). */
export interface ScenarioChoice {
  name: string;
  description: string;
  /** The API whose steps the scenario is for (absent: spot): a futures scenario runs the futures steps. */
  api?: Api;
}

/** What the credentials screen may show: where each value came from, the key masked. Never the secret. */
export interface CredentialView {
  key?: { masked: string; where: string };
  secret?: { where: string };
  demo: boolean;
}

/** What happens after a step run: keep walking the guide, or go back to the summary. */
export type RunMode = 'guide' | 'single';

export type CredentialField = 'key' | 'secret';

/** Where a fix screen's diagnoses came from: a step result (re-runnable) or a pasted error. */
export type FixSource = { kind: 'step'; result: StepResult; mode: RunMode } | { kind: 'explain'; text: string };

export type ExpiryPhase = 'ip' | 'created' | 'result';

export interface ExpiryResult {
  /** false: keys bound to an IP do not expire (docs/mexc-api.md §5). */
  expires: boolean;
  /** YYYY-MM-DD dates, set when the key expires. */
  expiresOn?: string;
  renewFrom?: string;
  /** Whole days from today to the expiry date (negative once expired). */
  daysLeft?: number;
  state: 'no-expiry' | 'valid' | 'renewal-open' | 'expired';
  /** One sentence per line, for the screen. */
  lines: string[];
}

export type Screen =
  | { kind: 'welcome'; focus: number }
  /** The demo's scenarios: with `api`, that API's list; without, the choice of API (when both have scenarios). */
  | { kind: 'scenario'; focus: number; api?: Api }
  | { kind: 'starting-demo'; scenario: string; api?: Api }
  | { kind: 'credentials'; phase: 'loading' }
  | { kind: 'credentials'; phase: 'review'; focus: number }
  | {
      kind: 'credentials';
      phase: 'typing';
      /** The fields still to ask for, in order; `index` is the one being typed. */
      fields: CredentialField[];
      index: number;
      /** Raw typed text (kept only in memory, drawn as bullets). */
      values: Partial<Record<CredentialField, string>>;
      error?: string;
    }
  /** Which symbol the user's bot trades (the trade steps use it); `text` is what was typed. */
  | { kind: 'symbol'; text: string; error?: string }
  | { kind: 'step'; id: StepId; mode: RunMode }
  | { kind: 'fix'; source: FixSource; diagnoses: Diagnosis[]; index: number; focus: number }
  | { kind: 'expiry'; phase: ExpiryPhase; focus: number; text: string; ipBound?: boolean; result?: ExpiryResult; error?: string }
  | { kind: 'explain'; phase: 'input' | 'working'; text: string; error?: string }
  | {
      kind: 'lab';
      phase: 'input' | 'secret' | 'working' | 'result';
      text: string;
      /** Typed only when no secret is known (drawn as bullets, never kept past the request). */
      secret: string;
      result?: LabResult;
      focus: number;
      error?: string;
    }
  | { kind: 'summary'; focus: number }
  | { kind: 'exiting'; code: number };

/** Lines written once above the live area (Ink `<Static>`): the growing checklist and printed text. */
export type LogEntry =
  | { kind: 'banner'; seq: number; version: string; demo: boolean }
  | { kind: 'step'; seq: number; result: StepResult; rerun: boolean; api?: Api }
  | { kind: 'note'; seq: number; tone: 'info' | 'warn'; lines: string[] }
  | { kind: 'text'; seq: number; title: string; text: string };

export type Tone = 'info' | 'ok' | 'warn' | 'error';

export interface WizardState {
  screen: Screen;
  /** Screens to return to with Esc (transient screens such as a running step are never pushed). */
  back: Screen[];
  log: LogEntry[];
  seq: number;
  version: string;
  today: string;
  /** `api`: the API of the scenario started last ('ok' is offered for both APIs). */
  demo: { enabled: boolean; scenario?: string; url?: string; api?: Api };
  /** The API root the checks run against (the welcome sentence names it when it is not MEXC's). */
  baseUrl?: string;
  scenarios: ScenarioChoice[];
  /**
   * The API the guide diagnoses: its step table (core/step-table.ts) gives the steps, their
   * order, numbers and titles to every screen, and the runtime's session runs that API's steps.
   */
  api: Api;
  credentials?: CredentialView;
  /** The symbol the trade steps use: from --symbol (then never asked), or the user's answer. */
  symbol?: { value: string; fromFlag: boolean };
  /** Latest result of each step (re-runs replace). */
  results: Partial<Record<StepId, StepResult>>;
  /** One line about the last action (copied, saved…), cleared when the screen changes. */
  flash?: { tone: Tone; text: string };
  /** Set once the user asked for the report file: where it went. */
  savedReport?: string;
  /** The digits just typed on a menu or list, so a second one soon after reaches item 10 and up. */
  numberEntry?: { digits: string; atMs: number; focus: number };
}

/** Keys as a front end sees them (Ink's `Key`, reduced to what the wizard reads). */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
  shift?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

export type CopyOutcome = { ok: boolean; text: string };

export type Event =
  // user intents (keys.ts maps keys to these; plain menus send them directly)
  | { type: 'move'; delta: number }
  /** A number key on a menu or list, with when it was pressed (two digits soon after each other are one number). */
  | { type: 'number'; digit: string; atMs: number }
  | { type: 'pick'; index: number; activate: boolean }
  | { type: 'accept' }
  | { type: 'back' }
  | { type: 'quit' }
  | { type: 'interrupt' }
  | { type: 'rerun' }
  | { type: 'copy' }
  | { type: 'print' }
  | { type: 'problem'; delta: number }
  | { type: 'open-lab' }
  | { type: 'open-expiry' }
  | { type: 'type-credentials' }
  | { type: 'report'; action: 'show' | 'copy' | 'save' }
  | { type: 'input'; text: string }
  | { type: 'erase' }
  | { type: 'clear' }
  // what the runtime reports back
  | { type: 'credentials-loaded'; view: CredentialView }
  | { type: 'demo-started'; url: string; scenario: string }
  | { type: 'demo-failed'; message: string }
  | { type: 'step-done'; result: StepResult }
  /** `exposed`: the paste holds the user's secret (the lab's `secret-exposed` finding). */
  | { type: 'explained'; diagnoses: Diagnosis[]; recognised: boolean; exposed?: LabFinding }
  | { type: 'explain-failed'; message: string }
  | { type: 'inspected'; result: LabResult }
  | { type: 'inspect-failed'; message: string }
  | { type: 'copied'; outcome: CopyOutcome }
  | { type: 'report-ready'; action: 'show' | 'copy' | 'save'; markdown?: string; path?: string; error?: string };

export type Effect =
  | { type: 'load-credentials' }
  | { type: 'start-demo'; scenario: string }
  /** Values as typed at the masked prompt (the credentials step cleans them and warns); undefined keeps what was found. */
  | { type: 'set-credentials'; apiKey?: string; secret?: string }
  /** The symbol the user's bot trades, for the trade steps. */
  | { type: 'set-symbol'; symbol: string }
  /** `api` absent: spot. The runtime keeps one session per API and starts a new one when it changes. */
  | { type: 'run-step'; id: StepId; api?: Api }
  | { type: 'explain'; text: string }
  | { type: 'inspect'; text: string; secret?: string }
  | { type: 'copy'; text: string; what: string }
  | { type: 'report'; action: 'show' | 'copy' | 'save' }
  | { type: 'exit'; code: number };

export interface Transition {
  state: WizardState;
  effects: Effect[];
}
