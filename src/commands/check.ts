import { describeProxy } from '../core/proxy.js';
import { terminalSafeDeep, terminalSafeJson } from '../core/terminal-text.js';
import type { Diagnosis, StepResult } from '../core/types.js';
import { VERSION } from '../version.js';
import { createSession, type CheckReport } from '../steps/session.js';
import { formatDiagnosis, statusLabel, styler } from '../shell/format.js';
import { EXIT, UsageError, type CommandIO } from '../shell/io.js';
import { parseRecvWindow, sessionOptions, type CommonFlags } from '../shell/options.js';
import { knownSecrets } from '../shell/secrets.js';

export interface CheckFlags extends CommonFlags {
  json?: boolean;
  /** One line printed first, e.g. why the wizard fell back to check. */
  notice?: string;
  /** `--futures`: the futures (contract) API's steps instead of spot's. */
  futures?: boolean;
}

/** `mexc-wizard check [--futures]`: every step without prompts; a report; exit 0 / 1. */
export async function runCheck(flags: CheckFlags, io: CommandIO): Promise<number> {
  const session = createSession({ ...sessionOptions(flags, io), ...(flags.futures ? futuresOptions(flags) : {}) });
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
        : formatReport(terminalSafeDeep(redactor.redactDeep(report)), io, flags.notice, Boolean(flags.verbose)),
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
export function futuresOptions(flags: CheckFlags): { api: 'futures'; futuresRecvWindowSec?: number } {
  if (flags.symbol !== undefined) {
    throw new UsageError('check --futures takes no --symbol: it reads the futures account and all open positions.', 'Drop --symbol, or run mexc-wizard check --symbol SYMBOL for the spot checks.');
  }
  if (flags.recvWindow === undefined) return { api: 'futures' };
  const ms = parseRecvWindow(flags.recvWindow);
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

export function formatReport(report: CheckReport, io: Pick<CommandIO, 'color'>, notice?: string, verbose = false): string {
  const s = styler(io.color);
  const out: string[] = [];
  if (notice) out.push(s.dim(notice));
  out.push(s.bold(`mexc-wizard check${report.api === 'futures' ? ' --futures' : ''} · ${report.baseUrl}${report.key ? ` · key ${report.key}` : ''}`), '');
  const idWidth = Math.max(...report.steps.map((r) => r.id.length));
  for (const step of report.steps) {
    out.push(`${statusLabel(step.status, s)}  ${step.id.padEnd(idWidth)}  ${step.summary}`);
    // The raw exchange behind a failure (request, string signed, answer); everything with --verbose.
    if (step.status === 'fail' || (verbose && step.status !== 'skip')) {
      for (const line of step.evidence) out.push(s.dim(`${' '.repeat(idWidth + 10)}${line}`));
    }
  }
  const problems = collectProblems(report.steps);
  const warnings = report.steps.filter((r) => r.status === 'warn').flatMap((r) => r.diagnoses);
  if (problems.length) {
    out.push('', s.bold(s.red('Problems')), '');
    problems.forEach((d, i) => out.push(formatDiagnosis(d, s, `${i + 1}. `), ''));
  }
  if (warnings.length) {
    out.push('', s.bold(s.yellow('Warnings')), '');
    warnings.forEach((d) => out.push(formatDiagnosis(d, s, '! '), ''));
  }
  out.push(
    problems.length === 0
      ? s.green(`No problems found.${warnings.length ? ` ${warnings.length} warning${warnings.length > 1 ? 's' : ''}.` : ''}`)
      : s.red(`${problems.length} problem${problems.length > 1 ? 's' : ''} found.`),
  );
  return `${out.join('\n')}\n`;
}

/** Each failing diagnosis once, in step order (the same cause can fail several steps). */
function collectProblems(steps: StepResult[]): Diagnosis[] {
  const seen = new Set<string>();
  return steps
    .filter((r) => r.status === 'fail')
    .flatMap((r) => r.diagnoses)
    .filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
}
