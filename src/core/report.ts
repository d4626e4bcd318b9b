import { formatMs, ipFromEvidence, mexcAnswerFromEvidence } from './catalog/index.js';
import { describeProxy } from './proxy.js';
import { maskKey, redactSecrets, shortenSignatureParam } from './redact.js';
import type { Api, StepResult } from './types.js';

/**
 * A support report to hand to MEXC support or paste into an issue: environment, clock, what
 * MEXC answered at each step. Redacted by construction (masked key, proxy host only, no
 * secret) and, as a last guard, the finished text goes through redactSecrets with the secret.
 */

export interface SupportReportInput {
  version: string;
  nodeVersion: string;
  platform: string;
  baseUrl: string;
  /** The API the steps diagnosed (absent: spot). */
  api?: Api;
  /** Proxy URL in use; only its host:port is reported (never credentials). */
  proxy?: string;
  apiKey?: string;
  /** Only to strip it from the text; never reported. */
  secret?: string;
  steps: StepResult[];
  clock?: { localAheadMs: number; rttMs: number };
  /** The IP MEXC reported (700006); read from the steps' evidence when absent. */
  mexcSawIp?: string;
  /** ISO time of the run, when the caller wants it in the report. */
  generatedAt?: string;
}

export interface SupportReport {
  tool: { name: 'mexc-wizard'; version: string };
  generatedAt?: string;
  node: string;
  platform: string;
  baseUrl: string;
  api: Api;
  proxy: string | null;
  apiKey: string | null;
  clock: { localAheadMs: number; rttMs: number; summary: string } | null;
  mexcSawIp: string | null;
  steps: Array<{
    id: string;
    status: string;
    summary: string;
    skipReason?: string;
    evidence: string[];
    mexcAnswers: Array<{ code?: string; msg?: string }>;
    diagnoses: Array<{ id: string; title: string; evidence: string[] }>;
  }>;
}

/** Origin and path only: a base URL could carry credentials or a query. */
function safeBaseUrl(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return 'unparseable base URL';
  }
}

function clockSummary(localAheadMs: number, rttMs: number): string {
  const direction = localAheadMs === 0 ? 'in step with' : localAheadMs > 0 ? 'ahead of' : 'behind';
  // The exact milliseconds only beside seconds: "16 ms (16 ms)" says nothing twice.
  const exact = Math.abs(localAheadMs) >= 1000 ? ` (${Math.round(localAheadMs)} ms)` : '';
  const amount = localAheadMs === 0 ? '' : `${formatMs(localAheadMs)}${exact} `;
  return `local clock ${amount}${direction} MEXC; round trip ${Math.round(rttMs)} ms`;
}

function dedupeAnswers(answers: Array<{ code?: string; msg?: string }>) {
  const seen = new Set<string>();
  return answers.filter((a) => {
    const key = `${a.code ?? ''}|${a.msg ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The report as data (already redacted: masked key, proxy host). */
export function supportReportData(input: SupportReportInput): SupportReport {
  const allEvidence = input.steps.flatMap((s) => [...s.evidence, ...s.diagnoses.flatMap((d) => d.evidence)]);
  const ip = input.mexcSawIp ?? allEvidence.map(ipFromEvidence).find((v) => v !== undefined);
  return {
    tool: { name: 'mexc-wizard', version: input.version },
    ...(input.generatedAt ? { generatedAt: input.generatedAt } : {}),
    node: input.nodeVersion,
    platform: input.platform,
    baseUrl: safeBaseUrl(input.baseUrl),
    api: input.api ?? 'spot',
    proxy: input.proxy ? describeProxy(input.proxy) : null,
    apiKey: input.apiKey ? maskKey(input.apiKey) : null,
    clock: input.clock ? { ...input.clock, summary: clockSummary(input.clock.localAheadMs, input.clock.rttMs) } : null,
    mexcSawIp: ip ?? null,
    steps: input.steps.map((s) => ({
      id: s.id,
      status: s.status,
      summary: s.summary,
      ...(s.skipReason ? { skipReason: s.skipReason } : {}),
      evidence: s.evidence,
      mexcAnswers: dedupeAnswers(
        [...s.evidence, ...s.diagnoses.flatMap((d) => d.evidence)].map(mexcAnswerFromEvidence).filter((a) => a !== undefined),
      ),
      diagnoses: s.diagnoses.map((d) => ({ id: d.id, title: d.title, evidence: d.evidence })),
    })),
  };
}

/** Last guard on any report text: secret gone, signatures shortened, full key masked. */
function guard(text: string, input: SupportReportInput): string {
  let out = shortenSignatureParam(redactSecrets(text, [input.secret]));
  const key = input.apiKey?.trim();
  if (key && key.length > 8) out = out.split(key).join(maskKey(key));
  return out;
}

const MARK: Record<string, string> = { pass: '✓ PASS', warn: '! WARN', fail: '✗ FAIL', skip: '- SKIP' };

/** Keeps a value on one table row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function supportReportMarkdown(input: SupportReportInput): string {
  const r = supportReportData(input);
  const lines: string[] = [
    '# mexc-wizard support report',
    '',
    'The secret key is not in this report and the API key is masked.',
    '',
    '| Item | Value |',
    '|---|---|',
    `| Tool | mexc-wizard ${cell(r.tool.version)} |`,
    ...(r.generatedAt ? [`| Generated | ${cell(r.generatedAt)} |`] : []),
    `| Node.js | ${cell(r.node)} |`,
    `| Platform | ${cell(r.platform)} |`,
    `| Base URL | ${cell(r.baseUrl)} |`,
    `| API | ${r.api === 'futures' ? 'futures (contract)' : 'spot'} |`,
    `| Proxy | ${cell(r.proxy ?? 'none')} |`,
    `| API key | ${cell(r.apiKey ?? 'not set')} |`,
    `| Clock | ${cell(r.clock?.summary ?? 'not measured')} |`,
    `| IP seen by MEXC | ${cell(r.mexcSawIp ?? 'not reported')} |`,
    '',
    '## Steps',
  ];
  for (const step of r.steps) {
    lines.push('', `### ${MARK[step.status] ?? step.status} ${step.id}`, '', step.summary);
    if (step.skipReason) lines.push('', `Skipped because ${step.skipReason}.`);
    if (step.evidence.length) lines.push('', ...step.evidence.map((e) => `- ${e}`));
    for (const a of step.mexcAnswers) lines.push('', `MEXC answered: ${a.code ? `code ${a.code}` : ''}${a.code && a.msg !== undefined ? ', ' : ''}${a.msg !== undefined ? `"${a.msg}"` : ''}`);
    for (const d of step.diagnoses) lines.push('', `Diagnosis: ${d.title} (${d.id})`, ...d.evidence.map((e) => `- ${e}`));
  }
  lines.push('');
  return guard(lines.join('\n'), input);
}
