import { statusLabel, type Styler } from '../shell/format.js';
import type { LabResult } from '../core/lab/types.js';
import { STEP_IDS, type Diagnosis, type Fix, type StepResult } from '../core/types.js';
import { STEP_INFO, stepNumber, summaryItems } from '../flow/content.js';
import type { CredentialView, LogEntry, Screen, Tone, WizardState } from '../flow/types.js';

/**
 * The plain front end's text: each function returns lines printed once, top to bottom, never
 * redrawn. A block (a screen, a note, a flash) starts with its own blank line and never ends
 * with one, so blocks stay one blank line apart and a step's result sits under its line. Status is a symbol and a word (✓ PASS, ! WARN, ✗ FAIL), so nothing depends on colour;
 * prose wraps to the terminal, fix text is printed flush left and unchanged so it pastes.
 */

export interface RenderContext {
  s: Styler;
  /** Terminal columns; prose wraps one short of it so no line hits the terminal's own wrap. */
  columns: number;
  verbose: boolean;
  /** How to answer (the prompter's keys), said once in the banner. */
  keys?: string;
}

/**
 * Greedy word wrap. A word longer than a whole line (a URL) is never broken and never pushed to
 * a line of its own: it stays where it is and the terminal folds it, so a copy gets it whole.
 */
export function wrap(text: string, width: number, indent = '', hangingIndent = indent): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let prefix = indent;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const tooLongAnyway = hangingIndent.length + word.length > width;
      if (line && !tooLongAnyway && prefix.length + line.length + 1 + word.length > width) {
        out.push(prefix + line);
        prefix = hangingIndent;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(prefix + line);
    if (!para.trim()) out[out.length - 1] = '';
  }
  return out;
}

const width = (ctx: RenderContext) => Math.max(30, Math.min(ctx.columns, 100) - 1);

function tone(s: Styler, t: Tone, text: string): string {
  if (t === 'ok') return s.green(text);
  if (t === 'warn') return s.yellow(text);
  if (t === 'error') return s.red(text);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Log entries (the growing history)

export function renderLogEntry(entry: LogEntry, ctx: RenderContext): string[] {
  const { s } = ctx;
  switch (entry.kind) {
    case 'banner':
      return [
        s.bold(`mexc-wizard ${entry.version}`) + ' · plain mode',
        ...wrap(
          entry.demo
            ? 'Demo: a local MEXC simulator with a throwaway key. Nothing leaves this machine.'
            : 'Finds out why MEXC refuses your API key, and shows the fix. Your secret is never shown or sent anywhere but to MEXC.',
          width(ctx),
        ),
        ...(ctx.keys ? wrap(ctx.keys, width(ctx)).map((l) => s.dim(l)) : []),
      ];
    case 'step':
      return renderStepResult(entry.result, entry.rerun, ctx);
    case 'note':
      return [...entry.lines.flatMap((l) => wrap(l, width(ctx), entry.tone === 'warn' ? '! ' : '', '  ')).map((l) => (entry.tone === 'warn' ? s.yellow(l) : l))];
    case 'text':
      // Printed as-is: it is meant to be selected and pasted (a fix, the support report).
      return ['', s.bold(entry.title), '', ...entry.text.replace(/\s+$/, '').split('\n'), '', s.dim(`(end of ${entry.title.replace(/\s*\(.*\)$/, '')})`)];
  }
}

/** `✗ FAIL  Account: Refused: …` with the evidence under a failed or warned step. */
export function renderStepResult(result: StepResult, rerun: boolean, ctx: RenderContext): string[] {
  const { s } = ctx;
  const label = statusLabel(result.status, s);
  const head = `${STEP_INFO[result.id].title}${rerun ? ' (re-run)' : ''}: `;
  const out = besideLabel(`${label}  `, 8, `${head}${result.summary}`, width(ctx));
  if (result.status === 'fail' || result.status === 'warn' || (ctx.verbose && result.status !== 'skip')) {
    for (const e of result.evidence) out.push(...wrap(e, width(ctx), '        ', '          ').map((l) => s.dim(l)));
  }
  return out;
}

/** Text wrapped in a column to the right of a label (`✓ PASS  `) that is `labelWidth` wide. */
function besideLabel(label: string, labelWidth: number, text: string, lineWidth: number): string[] {
  const pad = ' '.repeat(labelWidth);
  const lines = wrap(text, lineWidth, pad, pad);
  return [`${label}${(lines[0] ?? '').slice(labelWidth)}`, ...lines.slice(1)];
}

// ---------------------------------------------------------------------------------------------
// Screens (printed once when a screen is entered)

/** Identity of what a screen shows: printed again only when this changes. */
export function screenKey(screen: Screen): string {
  switch (screen.kind) {
    case 'credentials':
      return `credentials:${screen.phase}`;
    case 'step':
      return `step:${screen.id}`;
    case 'fix':
      return `fix:${screen.source.kind === 'step' ? screen.source.result.id : 'explain'}:${screen.index}`;
    case 'expiry':
    case 'explain':
    case 'lab':
      return `${screen.kind}:${screen.phase}`;
    default:
      return screen.kind;
  }
}

export function renderScreen(state: WizardState, ctx: RenderContext): string[] {
  const { s } = ctx;
  const screen = state.screen;
  const w = width(ctx);
  switch (screen.kind) {
    case 'welcome':
    case 'exiting':
      return [];
    case 'scenario':
      return ['', s.bold('Demo scenarios'), ...state.scenarios.flatMap((c, i) => wrap(`${i + 1}. ${c.name}: ${c.description}`, w, '  ', '     '))];
    case 'starting-demo':
      return ['', ...wrap(`Starting the demo simulator (scenario "${screen.scenario}")…`, w)];
    case 'credentials':
      if (screen.phase === 'loading') return [];
      if (screen.phase === 'review') return ['', ...renderCredentials(state.credentials, ctx)];
      return [
        '',
        s.bold('Type your credentials'),
        ...wrap(
          'The characters are masked on screen and stay in memory: nothing is saved. Press Enter on an empty answer to skip.',
          w,
        ),
        ...(state.credentials?.key && !screen.fields.includes('key') ? [`API key: ${state.credentials.key.masked} (from ${state.credentials.key.where})`] : []),
      ];
    case 'step': {
      const info = STEP_INFO[screen.id];
      return ['', ...wrap(`Step ${stepNumber(screen.id)} of ${STEP_IDS.length} · ${info.title} — checking… ${info.running}`, w, '', '  ').map((l) => s.dim(l))];
    }
    case 'fix':
      return renderFixScreen(screen, ctx);
    case 'expiry':
      if (screen.phase === 'ip') {
        return [
          '',
          s.bold('Key expiry helper'),
          ...wrap('A key with no IP address bound to it expires 90 days after it was created; Renew opens 5 days before. Keys bound to an IP do not expire.', w),
        ];
      }
      if (screen.phase === 'created') return wrap('Find the creation date in MEXC → Profile → API Management, next to the key.', w);
      return ['', s.bold('Key expiry'), ...(screen.result?.lines ?? []).flatMap((l) => wrap(l, w))];
    case 'explain':
      if (screen.phase === 'working') return [s.dim('Reading the error…')];
      return ['', s.bold('Explain an error'), ...wrap('Paste the MEXC error on one line: the response body, the message, or just the code (e.g. 700002).', w)];
    case 'lab':
      if (screen.phase === 'working') return [s.dim('Recomputing the signature…')];
      if (screen.phase === 'secret') return wrap('The lab needs your secret to recompute the signature. It stays in memory and is never shown.', w);
      if (screen.phase === 'result' && screen.result) return renderLabResult(screen.result, ctx);
      return ['', s.bold('Signature lab'), ...wrap('Paste the full URL your code called, or its curl command, on one line.', w)];
    case 'summary':
      return renderSummary(state, ctx);
  }
}

export function renderCredentials(view: CredentialView | undefined, ctx: RenderContext): string[] {
  const { s } = ctx;
  return [
    s.bold('Credentials'),
    view?.key ? `  API key: ${view.key.masked} (from ${view.key.where})` : '  API key: not found',
    view?.secret ? `  Secret:  found in ${view.secret.where} (never shown)` : '  Secret:  not found',
  ];
}

export function renderFixScreen(screen: Extract<Screen, { kind: 'fix' }>, ctx: RenderContext): string[] {
  const { s } = ctx;
  const d = screen.diagnoses[screen.index];
  if (!d) return [];
  const src = screen.source;
  const where = src.kind === 'step' ? `Step ${stepNumber(src.result.id)} of ${STEP_IDS.length} · ${STEP_INFO[src.result.id].title}` : 'The error you pasted';
  const count = screen.diagnoses.length > 1 ? ` · problem ${screen.index + 1} of ${screen.diagnoses.length}` : '';
  const status = src.kind === 'step' ? src.result.status : 'fail';
  return ['', `${statusLabel(status, s)}  ${where}${count}`, ...renderDiagnosis(d, ctx)];
}

/** Title, explanation, evidence and every fix in full: the fix screen, top to bottom. */
export function renderDiagnosis(d: Diagnosis, ctx: RenderContext): string[] {
  const { s } = ctx;
  const w = width(ctx);
  const out = [...wrap(d.title, w).map((l) => s.bold(l)), ...wrap(d.explanation, w)];
  if (d.evidence.length) {
    out.push('', s.bold('Evidence'));
    for (const e of d.evidence) out.push(...wrap(e, w, '  • ', '    '));
  }
  if (d.fixes.length) {
    out.push('', s.bold(d.fixes.length > 1 ? `How to fix it (${d.fixes.length} fixes)` : 'How to fix it'));
    d.fixes.forEach((fix, i) => {
      out.push('', ...wrap(`Fix ${i + 1}: ${fix.title}`, w, '', '  ').map((l) => s.cyan(s.bold(l))));
      out.push(...renderFixText(fix, w));
    });
  }
  return out;
}

/**
 * Code and commands flush left and unchanged, so a selection pastes exactly (Python keeps its
 * indentation). Web steps and prose are words: they wrap, numbered lines with a hanging indent.
 */
export function renderFixText(fix: Fix, width: number): string[] {
  if (fix.lang !== 'steps' && fix.lang !== 'text') return fix.text.split('\n');
  return fix.text.split('\n').flatMap((line) => {
    const lead = /^(\s*(?:\d+[.)]|[-•*])\s+)/.exec(line)?.[1] ?? /^\s*/.exec(line)?.[0] ?? '';
    return wrap(line.slice(lead.length), width, lead, ' '.repeat(lead.length));
  });
}

export function renderSummary(state: WizardState, ctx: RenderContext): string[] {
  const { s } = ctx;
  const results = STEP_IDS.map((id) => state.results[id]).filter((r): r is StepResult => Boolean(r));
  const titleWidth = Math.max(...STEP_IDS.map((id) => STEP_INFO[id].title.length));
  const out = ['', s.bold('Summary')];
  for (const r of results) {
    out.push(...besideLabel(`${statusLabel(r.status, s)}  ${STEP_INFO[r.id].title.padEnd(titleWidth)}  `, titleWidth + 10, r.summary, width(ctx)));
  }
  const problems = summaryItems(state).filter((i) => i.kind === 'problem').length;
  const failed = results.some((r) => r.status === 'fail');
  out.push(
    '',
    problems === 0
      ? s.green(results.length ? 'No problems found.' : 'No checks have run yet.')
      : failed
        ? s.red(`${problems} problem${problems > 1 ? 's' : ''} found. Pick one below to see its fix again.`)
        : s.yellow(`${problems} warning${problems > 1 ? 's' : ''}. Pick one below to see what to do.`),
  );
  return out;
}

export function renderLabResult(result: LabResult, ctx: RenderContext): string[] {
  const { s } = ctx;
  const w = width(ctx);
  const out = ['', ...wrap(result.verdict, w).map((l) => (result.valid ? s.green : s.red)(s.bold(l)))];
  result.findings.forEach((f, i) => {
    const mark = f.severity === 'problem' ? '✗' : '✓';
    out.push('', ...wrap(`${i + 1}. ${mark} ${f.title}`, w, '', '     ').map((l) => s.bold(l)), ...f.detail.split('\n').flatMap((l) => wrap(l, w, '   ', '   ')));
  });
  if (result.notes.length) {
    out.push('', s.bold('Notes'));
    for (const n of result.notes) out.push(...wrap(n, w, '  • ', '    '));
  }
  return out;
}

export function renderFlash(flash: NonNullable<WizardState['flash']>, ctx: RenderContext): string[] {
  return ['', ...wrap(flash.text, width(ctx)).map((l) => tone(ctx.s, flash.tone, l))];
}

/** An input error under a prompt ("Type the date as YYYY-MM-DD"). */
export function renderError(text: string, ctx: RenderContext): string[] {
  return wrap(`! ${text}`, width(ctx), '', '  ').map((l) => ctx.s.yellow(l));
}
