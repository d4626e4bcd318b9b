import type { Diagnosis, Fix, StepResult } from '../core/types.js';
import { banner, STEP_INFO, TONE_MARK } from '../flow/content.js';
import { viewOf } from '../flow/screens/index.js';
import type { LogEntry, Screen, WizardState } from '../flow/types.js';
import { isCodeFix, itemText, type Body, type Paragraph, type View } from '../flow/view.js';
import { statusLabel, toned, type Styler } from '../shell/format.js';
import { hyperlink } from '../shell/hyperlink.js';
import { timingLine } from '../shell/timing-picture.js';
import { displayWidth, wrap } from '../shell/layout.js';
import { hintFits } from './prompter.js';

/**
 * The plain front end's text: each function returns lines printed once, top to bottom, never
 * redrawn. A block (a screen, a note, a flash) starts with its own blank line and never ends
 * with one, so blocks stay one blank line apart and a step's result sits under its line.
 * Status is a symbol and a word (✓ PASS, ! WARN, ✗ FAIL), so nothing depends on colour; prose
 * wraps to the terminal, fix text is printed flush left and unchanged so it pastes.
 */

export interface RenderContext {
  s: Styler;
  /** The terminal draws OSC 8 links (shell/hyperlink.ts): URLs are clickable too. */
  hyperlinks?: boolean;
  /** Terminal columns; prose wraps one short of it so no line hits the terminal's own wrap. */
  columns: number;
  verbose: boolean;
  /** How to answer (the prompter's keys), said once under the banner. */
  keys?: string;
  /** The front end lists a menu's items itself (the screen-reader front end), with their details. */
  listsMenus?: boolean;
}

const width = (ctx: RenderContext) => Math.max(30, Math.min(ctx.columns, 100) - 1);

/** Prose: long words (URLs) are never cut, so a copy gets them whole. */
const prose = (text: string, w: number, indent = '', hangingIndent = indent) => wrap(text, w, { indent, hangingIndent });

// ---------------------------------------------------------------------------------------------
// Log entries (the growing history)

export function renderLogEntry(entry: LogEntry, ctx: RenderContext): string[] {
  const { s } = ctx;
  switch (entry.kind) {
    case 'banner': {
      const { title, tagline } = banner(entry.version, entry.demo);
      return [s.bold(s.cyan(title)), ...prose(tagline, width(ctx)).map(s.dim), ...(ctx.keys ? prose(ctx.keys, width(ctx)).map(s.dim) : [])];
    }
    case 'step':
      return renderStepResult(entry.result, entry.rerun, ctx);
    case 'note':
      return entry.lines.flatMap((l) => prose(l, width(ctx), entry.tone === 'warn' ? '! ' : '', '  ')).map((l) => (entry.tone === 'warn' ? s.yellow(l) : l));
    case 'text':
      // Printed as-is: it is meant to be selected and pasted (a fix, the support report).
      return ['', s.bold(entry.title), '', ...entry.text.replace(/\s+$/, '').split('\n'), '', s.dim(`(end of ${entry.title.replace(/\s*\(.*\)$/, '')})`)];
  }
}

/** `✗ FAIL  Account: Refused: …` with the evidence under a failed or warned step. */
export function renderStepResult(result: StepResult, rerun: boolean, ctx: RenderContext): string[] {
  const { s } = ctx;
  const head = `${STEP_INFO[result.id].title}${rerun ? ' (re-run)' : ''}: `;
  const out = besideLabel(`${statusLabel(result.status, s)}  `, 8, `${head}${result.summary}`, width(ctx));
  if (result.status === 'fail' || result.status === 'warn' || (ctx.verbose && result.status !== 'skip')) {
    for (const e of result.evidence) out.push(...prose(e, width(ctx), '        ', '          ').map((l) => s.dim(l)));
  }
  return out;
}

/** Text wrapped in a column to the right of a label (`✓ PASS  `) that is `labelWidth` wide. */
function besideLabel(label: string, labelWidth: number, text: string, lineWidth: number): string[] {
  const pad = ' '.repeat(labelWidth);
  const lines = prose(text, lineWidth, pad, pad);
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
  return renderView(viewOf(state), ctx);
}

/** A View, top to bottom: heading, status, paragraphs, body, the menu's long details, busy line. */
function renderView(view: View, ctx: RenderContext): string[] {
  const { s } = ctx;
  const w = width(ctx);
  if (view.busy) {
    const text = view.heading ? `${view.heading} — checking… ${view.busy}` : `${view.busy}…`;
    return ['', ...prose(text, w, '', '  ').map(s.dim)];
  }
  const out: string[] = [''];
  if (view.heading) out.push(...prose(view.heading, w).map(s.bold));
  if (view.status) out.push(`${statusLabel(view.status.status, s)}  ${view.status.text}`);
  // The timing rule in words: a printed stream has no room for pictures (screen readers neither).
  if (view.timing) out.push(...prose(timingLine(view.timing), w));
  for (const p of view.paragraphs ?? []) out.push(...renderParagraph(p, ctx));
  for (const link of view.links ?? []) out.push(...prose(`${link.label}:`, w).map(s.dim), `  ${hyperlink(link.url, link.url, Boolean(ctx.hyperlinks))}`);
  if (view.body) out.push(...renderBody(view.body, ctx));
  // Details a menu line has no room for (scenario descriptions) are listed in full first.
  const menu = view.menu;
  if (menu && !ctx.listsMenus && menu.items.some((item, i) => item.detail && !hintFits(`${i + 1}. ${itemText(item)}`, item.detail, ctx.columns))) {
    out.push(...menu.items.flatMap((item, i) => prose(`${i + 1}. ${itemText(item)}${item.detail ? `: ${item.detail}` : ''}`, w, '  ', '     ')));
  }
  return out.length === 1 ? [] : out;
}

function renderParagraph(p: Paragraph, ctx: RenderContext): string[] {
  const { s } = ctx;
  const lines = prose(p.tone ? `${TONE_MARK[p.tone]} ${p.text}` : p.text, width(ctx), '', p.tone ? '  ' : '');
  return lines.map((l) => {
    const styled = p.bold ? s.bold(l) : p.dim ? s.dim(l) : l;
    return p.tone ? toned(s, p.tone, styled) : styled;
  });
}

function renderBody(body: Body, ctx: RenderContext): string[] {
  const { s } = ctx;
  const w = width(ctx);
  switch (body.kind) {
    case 'rows':
      return body.rows.flatMap((r) => prose(`${r.label}: ${r.value}`, w, '  ', '    '));
    case 'masked':
    case 'paste':
      // The prompt under the screen takes the input; nothing is echoed here.
      return [];
    case 'diagnosis':
      return renderDiagnosis(body.diagnosis, ctx);
    case 'lab':
      return renderLabResult(body, ctx);
  }
}

/** Title, explanation, evidence and every fix in full: the fix screen, top to bottom. */
export function renderDiagnosis(d: Diagnosis, ctx: RenderContext): string[] {
  const { s } = ctx;
  const w = width(ctx);
  const out = [...prose(d.title, w).map((l) => s.bold(l)), ...prose(d.explanation, w)];
  if (d.evidence.length) {
    out.push('', s.bold('Evidence'));
    for (const e of d.evidence) out.push(...prose(e, w, '  • ', '    '));
  }
  if (d.fixes.length) {
    out.push('', s.bold(d.fixes.length > 1 ? `How to fix it (${d.fixes.length} fixes)` : 'How to fix it'));
    d.fixes.forEach((fix, i) => {
      out.push('', ...prose(`Fix ${i + 1}: ${fix.title}`, w, '', '  ').map((l) => s.cyan(s.bold(l))));
      out.push(...renderFixText(fix, w));
    });
  }
  return out;
}

/**
 * Code and commands flush left and unchanged, so a selection pastes exactly (Python keeps its
 * indentation). Web steps and prose are words: they wrap, numbered lines with a hanging indent.
 */
export function renderFixText(fix: Fix, w: number): string[] {
  if (isCodeFix(fix)) return fix.text.split('\n');
  return fix.text.split('\n').flatMap((line) => {
    const lead = /^(\s*(?:\d+[.)]|[-•*])\s+)/.exec(line)?.[1] ?? /^\s*/.exec(line)?.[0] ?? '';
    return prose(line.slice(lead.length), w, lead, ' '.repeat(displayWidth(lead)));
  });
}

/** The lab's answer: verdict, what was compared, every finding with its detail, the notes. */
export function renderLabResult(body: Extract<Body, { kind: 'lab' }>, ctx: RenderContext): string[] {
  const { s } = ctx;
  const w = width(ctx);
  const out = [...prose(`${body.valid ? '✓ PASS' : '✗ FAIL'} ${body.verdict}`, w).map((l) => (body.valid ? s.green : s.red)(s.bold(l)))];
  for (const fact of body.facts) out.push(...prose(fact, w, '  ', '    ').map(s.dim));
  body.findings.forEach((f, i) => {
    const mark = f.severity === 'problem' ? '✗' : '✓';
    out.push('', ...prose(`${i + 1}. ${mark} ${f.title}`, w, '', '     ').map((l) => s.bold(l)), ...f.detail.split('\n').flatMap((l) => prose(l, w, '   ', '   ')));
  });
  if (body.notes.length) {
    out.push('', s.bold('Notes'));
    for (const n of body.notes) out.push(...prose(n, w, '  • ', '    '));
  }
  return out;
}

export function renderFlash(flash: NonNullable<WizardState['flash']>, ctx: RenderContext): string[] {
  return ['', ...prose(flash.text, width(ctx)).map((l) => toned(ctx.s, flash.tone, l))];
}

/** An input error under a prompt ("Type the date as YYYY-MM-DD"). */
export function renderError(text: string, ctx: RenderContext): string[] {
  return prose(`! ${text}`, width(ctx), '', '  ').map((l) => ctx.s.yellow(l));
}
