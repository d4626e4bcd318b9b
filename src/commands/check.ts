import { describeProxy } from '../core/proxy.js';
import { terminalSafeDeep, terminalSafeJson } from '../core/terminal-text.js';
import type { Diagnosis, StepResult } from '../core/types.js';
import { VERSION } from '../version.js';
import { createSession, type CheckReport } from '../steps/session.js';
import { MEXC_LINKS } from '../core/catalog/fixes.js';
import { formatDiagnosis, statusLabel, styler, type Styler } from '../shell/format.js';
import { hyperlink } from '../shell/hyperlink.js';
import { EXIT, toolCommand, UsageError, type CommandIO } from '../shell/io.js';
import { parseRecvWindow, sessionOptions, type CommonFlags } from '../shell/options.js';
import { knownSecrets } from '../shell/secrets.js';

export interface CheckFlags extends CommonFlags {
  json?: boolean;
  /** Printed to stderr once the flags are known to be good, e.g. why the wizard fell back to check. */
  notice?: string;
  /** `--futures`: the futures (contract) API's steps instead of spot's. */
  futures?: boolean;
  /** The arguments that run this check again, for the closing line (default `check`, `check --futures`). */
  rerun?: string;
}

/** `mexc-wizard check [--futures]`: every step without prompts; a report; exit 0 / 1. */
export async function runCheck(flags: CheckFlags, io: CommandIO): Promise<number> {
  // Every flag is checked before anything is printed: a usage error comes alone.
  const futures = flags.futures ? futuresOptions(flags, io) : undefined;
  // With --futures, --recv-window is the futures header: spot requests keep the default window.
  const { recvWindow: _futuresWindow, ...spotFlags } = flags;
  const options = sessionOptions(futures ? spotFlags : flags, io);
  if (flags.notice) io.stderr(`${flags.notice}\n`);
  const session = createSession({ ...options, ...futures });
  try {
    const report = await session.runAll();
    if (io.signal.aborted) return EXIT.interrupted;
    // Every value masked before it is laid out or JSON-encoded; text output also gets control
    // characters made visible (--json keeps JSON's own escaping).
    const redactor = io.redactor ?? knownSecrets(io.env, io.cwd, flags.envFile);
    redactor.add(session.credentials().secret?.value);
    io.stdout(
      flags.json
        ? `${terminalSafeJson(redactor.redactDeep(toJson(report, io)))}\n`
        : formatReport(terminalSafeDeep(redactor.redactDeep(report)), io, { verbose: Boolean(flags.verbose), ...(flags.rerun ? { rerun: flags.rerun } : {}) }),
    );
    return report.ok ? EXIT.ok : EXIT.problem;
  } finally {
    session.close();
  }
}

/**
 * What `--futures` changes in the options: the futures steps, and `--recv-window` sent as the
 * futures Recv-Window header, which counts whole seconds up to 60 (docs/mexc-api.md §6).
 */
export function futuresOptions(flags: CheckFlags, io: Pick<CommandIO, 'invocation'>): { api: 'futures'; futuresRecvWindowSec?: number } {
  if (flags.symbol !== undefined) {
    throw new UsageError('check --futures takes no --symbol: it reads the futures account and all open positions.', `Drop --symbol, or run ${toolCommand(io, 'check --symbol SYMBOL')} for the spot checks.`);
  }
  if (flags.recvWindow === undefined) return { api: 'futures' };
  const ms = parseRecvWindow(flags.recvWindow, { futures: true });
  if (ms % 1000 !== 0) {
    throw new UsageError(`--recv-window ${ms} with --futures: the futures window (the Recv-Window header) counts whole seconds.`, 'Use a multiple of 1000 up to 60000, e.g. --recv-window 20000; without it MEXC allows 10 s either way.');
  }
  return { api: 'futures', futuresRecvWindowSec: ms / 1000 };
}

/**
 * The `check --json` shape (README "check"): `{ok, steps: [{id, status, diagnoses: [...]}], clock, …}`,
 * plus what MEXC support asks first (tool, Node, platform), so the output doubles as the
 * redacted support report the fixes point to.
 */
export function toJson(report: CheckReport, io: Pick<CommandIO, 'platform' | 'runtime'>) {
  return {
    ok: report.ok,
    ...(report.api ? { api: report.api } : {}),
    tool: { name: 'mexc-wizard', version: VERSION },
    ...(io.runtime ? { node: io.runtime.node } : {}),
    platform: io.runtime ? `${io.platform} ${io.runtime.arch}` : io.platform,
    baseUrl: report.baseUrl,
    ...(report.key ? { key: report.key } : {}),
    ...(report.symbol ? { symbol: report.symbol } : {}),
    // host:port only: a proxy URL may carry a user name and password.
    ...(report.proxy ? { proxy: describeProxy(report.proxy) } : {}),
    steps: report.steps.map((s) => ({
      id: s.id,
      status: s.status,
      summary: s.summary,
      evidence: s.evidence,
      ...(s.skipReason ? { skipReason: s.skipReason } : {}),
      durationMs: Math.round(s.durationMs),
      diagnoses: s.diagnoses.map((d) => ({ id: d.id, title: d.title, explanation: d.explanation, evidence: d.evidence, fixes: d.fixes })),
    })),
    ...(report.clock ? { clock: report.clock } : {}),
    ...(report.mexcSawIp ? { mexcSawIp: report.mexcSawIp } : {}),
  };
}

/**
 * The text report, verdict first (the way `flutter doctor` opens): a header, one line with the
 * counts and what is wrong, each step once (a failure's raw exchange under it), then every
 * problem and warning with its cause, evidence and numbered fixes, and where to go at MEXC.
 * A passing run is the header, the verdict and one line per step.
 */
export function formatReport(report: CheckReport, io: Pick<CommandIO, 'color' | 'links' | 'invocation'>, opts: { verbose?: boolean; rerun?: string } = {}): string {
  const s = styler(io.color);
  const links = Boolean(io.links);
  const out: string[] = [];
  const problems = collectProblems(report.steps);
  const warnings = collectWarnings(report.steps, problems);
  out.push(s.bold(`mexc-wizard check${report.api === 'futures' ? ' --futures' : ''} · ${report.baseUrl}${report.key ? ` · key ${report.key}` : ''}`));
  out.push(verdictLine(report, problems, warnings, s), '');
  const idWidth = Math.max(...report.steps.map((r) => r.id.length));
  for (const step of report.steps) {
    out.push(`${statusLabel(step.status, s)}  ${step.id.padEnd(idWidth)}  ${step.summary}`);
    // The raw exchange behind a failure (request, string signed, answer); everything with --verbose.
    if (step.status === 'fail' || (opts.verbose && step.status !== 'skip')) {
      for (const line of step.evidence) out.push(s.dim(`${' '.repeat(idWidth + 10)}${line}`));
    }
  }
  if (problems.length) {
    out.push('', s.bold(s.red('Problems')), '');
    problems.forEach((d, i) => out.push(formatDiagnosis(d, s, `${i + 1}. `, { links }), ''));
  }
  if (warnings.length) {
    out.push(...(problems.length ? [] : ['']), s.bold(s.yellow('Warnings')), '');
    warnings.forEach((d) => out.push(formatDiagnosis(d, s, '! ', { links }), ''));
  }
  if (problems.length || warnings.length) {
    const docs = report.api === 'futures' ? MEXC_LINKS.futuresDocs : MEXC_LINKS.spotDocs;
    out.push(`MEXC: API Management ${hyperlink(MEXC_LINKS.apiManagement, MEXC_LINKS.apiManagement, links)} · API docs ${hyperlink(docs, docs, links)}`);
    const again = toolCommand(io, opts.rerun ?? `check${report.api === 'futures' ? ' --futures' : ''}`);
    out.push(problems.length ? s.red(`${counted(problems.length, 'problem')} found. After a fix, run ${again} again.`) : s.yellow(`${counted(warnings.length, 'warning')}, no problems.`));
  }
  return `${out.join('\n')}\n`;
}

const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "✗ 2 problems, 1 warning: <what>; <what>" · "✓ No problems: all 6 steps passed." */
function verdictLine(report: CheckReport, problems: Diagnosis[], warnings: Diagnosis[], s: Styler): string {
  const skipped = report.steps.filter((r) => r.status === 'skip').length;
  const counts = [
    problems.length ? counted(problems.length, 'problem') : 'No problems',
    ...(warnings.length ? [counted(warnings.length, 'warning')] : []),
    ...(skipped ? [`${skipped} step${skipped === 1 ? '' : 's'} skipped`] : []),
  ].join(', ');
  const titles = [...problems, ...warnings].map((d) => d.title).join('; ');
  if (problems.length) return s.bold(s.red(`✗ ${counts}: ${titles}`));
  // A step that failed without a diagnosis (an internal error) is still a failure.
  const failed = report.steps.filter((r) => r.status === 'fail');
  if (failed.length) return s.bold(s.red(`✗ ${counted(failed.length, 'step')} failed: ${failed.map((r) => r.id).join(', ')}`));
  if (warnings.length) return s.bold(s.yellow(`! ${counts}: ${titles}`));
  const passed = report.steps.filter((r) => r.status === 'pass').length;
  return s.bold(s.green(`✓ ${counts}: ${passed === report.steps.length ? `all ${passed} steps passed` : `${passed} of ${report.steps.length} steps passed`}.`));
}

/** Warnings (from steps that did not fail), each once and not again when a problem has the same id. */
function collectWarnings(steps: StepResult[], problems: Diagnosis[]): Diagnosis[] {
  const seen = new Set<string>(problems.map((d) => d.id));
  return steps
    .filter((r) => r.status === 'warn')
    .flatMap((r) => r.diagnoses)
    .filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
}

/** Each failing diagnosis once, in step order (the same cause can fail several steps). */
function collectProblems(steps: StepResult[]): Diagnosis[] {
  const seen = new Set<string>();
  return steps
    .filter((r) => r.status === 'fail')
    .flatMap((r) => r.diagnoses)
    .filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
}
