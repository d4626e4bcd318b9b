import type { Facts } from './types.js';
import { VALUE_PROBLEM_WORDS } from '../credentials.js';

/** `1234` → `1.2 s`, `80` → `80 ms`: clock numbers read best in the unit a person thinks in. */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms);
  return abs >= 1000 ? `${(abs / 1000).toFixed(1)} s` : `${Math.round(abs)} ms`;
}

type Formatter = (value: string | number | boolean, facts: Facts) => string | undefined;

const HINTS: Record<string, string> = {
  'missing-parameter': 'MEXC says a mandatory parameter is missing or empty (code 700004).',
  'request-time': 'Code 10073 "Invalid Request-Time": the time sent is not a valid current time in milliseconds.',
  'market-order': 'Code 30019: MEXC does not take market orders through the API on this symbol.',
  'body-needed': 'Only the HTTP status is in the text: MEXC puts the reason in the response body, e.g. {"code":700002,"msg":"…"}.',
  'listen-key': 'The listenKey is unknown or expired: listen keys live 60 minutes unless extended with PUT /api/v3/userDataStream.',
};

/** Credential lint problem codes in words: one table, owned by the lint. */
const VALUE_PROBLEMS: Record<string, string> = VALUE_PROBLEM_WORDS;

/** How each fact reads as an evidence line. Facts not listed here are shown as `name: value`. */
const FORMATTERS: Record<string, Formatter> = {
  endpoint: (v) => `Request: ${v}`,
  httpStatus: (v) => `HTTP status: ${v}`,
  mexcCode: (v, f) => (f.mexcMsg !== undefined ? `MEXC answered code ${v}: "${f.mexcMsg}"` : `MEXC answered code ${v}`),
  mexcMsg: (v, f) => (f.mexcCode === undefined ? `MEXC said: "${v}"` : undefined),
  api: (v) =>
    v === 'futures' ? 'A futures (contract) API answer: futures signs accessKey + Request-Time + parameters and sends them in the ApiKey, Request-Time and Signature headers' : undefined,
  ip: (v) => `MEXC saw your IP as ${v}`,
  retryAfterSec: (v) => `Retry-After: ${v} s`,
  ipBanned: (v) => (v ? 'HTTP 418: MEXC has banned this IP for a while after repeated rate-limit violations' : undefined),
  errorCode: (v, f) => `Network error: ${v}${f.errorMessage ? ` (${f.errorMessage})` : ''}`,
  errorMessage: () => undefined,
  localAheadMs: (v) => {
    const ms = Number(v);
    if (ms === 0) return 'Your clock matches MEXC';
    // The exact milliseconds only beside seconds ("4.2 s … (4199 ms)"), never "16 ms … (16 ms)".
    return `Your clock is ${formatMs(ms)} ${ms > 0 ? 'ahead of' : 'behind'} MEXC${Math.abs(ms) >= 1000 ? ` (${Math.round(ms)} ms)` : ''}`;
  },
  rttMs: (v) => `Round trip to MEXC: ${Math.round(Number(v))} ms`,
  uncertaintyMs: (v) => `Uncertainty of the clock measurement: ±${Math.round(Number(v))} ms`,
  scatterMs: (v) => (Number(v) > 0 ? `MEXC's server-time answers disagree among themselves by ${Math.round(Number(v))} ms` : undefined),
  signedProof: (v) => String(v),
  recvWindowMs: (v) => `recvWindow: ${v} ms`,
  futuresWindowSec: (v) => `Futures time window: ${v} s either way of MEXC's clock (default 10; the Recv-Window header, at most 60)`,
  spotOnlyKey: (v) => (v ? 'The spot API accepted the same key and secret (signed GET /api/v3/account): a spot key without futures permissions' : undefined),
  arrivalLeadMs: (v, f) => {
    const ms = Number(v);
    const futures = typeof f.futuresWindowSec === 'number' ? `rejected beyond ${f.futuresWindowSec} s either way` : undefined;
    return ms >= 0
      ? `A request signed now reaches MEXC stamped ${Math.round(ms)} ms in MEXC's future (${futures ?? 'rejected at 1000 ms or more'})`
      : `A request signed now reaches MEXC stamped ${Math.round(-ms)} ms in MEXC's past (${futures ?? 'allowed up to recvWindow'})`;
  },
  marginMs: (v) => `Margin left before MEXC rejects requests: ${Math.round(Number(v))} ms`,
  clockVerdict: (v) =>
    ({
      ok: 'Clock check: your clock agrees with MEXC now',
      ahead: 'Clock check: your clock runs ahead of MEXC',
      behind: 'Clock check: your clock runs behind MEXC',
      'near-edge': 'Clock check: your clock passes, but close to the limit',
      uncertain: 'Clock check: too uncertain to tell (the measurements disagree)',
    })[String(v)] ?? `Clock check: ${v}`,
  timestampMs: (v) => `timestamp sent: ${v}`,
  timestampInSeconds: (v) => (v ? 'The timestamp has 10 digits: that is seconds, MEXC expects milliseconds (13 digits)' : undefined),
  reference: (v) => `Block page reference: #${v}`,
  pageTitle: (v) => `Page title: ${v}`,
  server: (v) => `Server header: ${v}`,
  cdn: (v) => `Served by the ${v} CDN in front of MEXC`,
  contentType: (v) => `Content-Type of the answer: ${v}`,
  location: (v) => `Redirected to: ${v}`,
  bodySnippet: (v) => `The answer starts with: ${v}`,
  got: (v) => `What came instead: ${v}`,
  firstLine: (v) => `First line of the answer: ${v}`,
  cutOffAtBytes: (v) => `The body was cut off after ${v} bytes`,
  bodyBytes: () => undefined,
  correctedBaseUrl: (v) => `Use this base URL instead: ${v}`,
  whatAnswered: (v) => `What answered: ${v}`,
  announcement: (v) => `MEXC's announcement: ${v}`,
  proxyAuthenticate: (v) => `The proxy asks for: ${v}`,
  maintenance: (v) => (v ? 'The answer mentions maintenance' : undefined),
  permission: (v) => (v ? `Permission MEXC asks for: ${v}` : undefined),
  // Spot's 700007 names no permission: the one the endpoint needs is inferred (docs/mexc-api.md §5).
  inferredPermission: (v) => (v ? `Permission this endpoint needs: ${v} (inferred from the endpoint; MEXC's answer names none)` : undefined),
  missingParam: (v) => `Missing parameter: '${v}'`,
  hint: (v) => HINTS[String(v)] ?? String(v),
  rawText: (v) => `Your text: ${v}`,
  problem: (v, f) => {
    const words = VALUE_PROBLEMS[String(v)];
    if (!words) return String(v);
    // A typed value's variable already says where it came from ("The secret you typed").
    const where = typeof f.where === 'string' && f.origin !== 'prompt' ? ` (${f.where})` : '';
    return `${typeof f.variable === 'string' ? f.variable : 'The value'} ${words}${where}`;
  },
  variable: () => undefined,
  where: () => undefined,
  likelyCause: (v) => `Usually: ${v}`,
  length: (v) => `Length: ${v} characters`,
  expected: (v, f) => (f.got !== undefined ? `What MEXC sends: ${v}` : `Expected: ${v}`),
  variables: (v) => `Looked in: ${v}`,
  keyFrom: (v) => `Key read from ${v}`,
  secretFrom: (v) => `Secret read from ${v}`,
  trimmed: (v) => (v ? 'Removed for this run: the checks used the value without it, so they say nothing about your bot' : undefined),
  status: (v, f) => (Number(v) > 0 && f.httpStatus === undefined ? `HTTP status: ${v}` : undefined),
  retryFixed: (v) =>
    v
      ? "Signed again with MEXC's time: accepted, so the clock is the cause"
      : "Signed again with MEXC's time: still refused, so something besides the clock is wrong too",
  detail: (v) => String(v),
  keyLength: (v) => `Key length: ${v} characters`,
  secretLength: (v) => `Secret length: ${v} characters`,
  maskedKey: (v) => `Key: ${v}`,
  baseUrl: (v) => `Base URL: ${v}`,
  proxy: (v) => `Proxy: ${v}`,
};

/** Reads back a MEXC code/message from an evidence line written above (for the support report). */
export function mexcAnswerFromEvidence(line: string): { code?: string; msg?: string } | undefined {
  const answered = /^MEXC answered code (\S{1,20}?)(?:: "([\s\S]*)")?$/.exec(line);
  if (answered) return { ...(answered[1] ? { code: answered[1] } : {}), ...(answered[2] !== undefined ? { msg: answered[2] } : {}) };
  const said = /^MEXC said: "([\s\S]*)"$/.exec(line);
  return said ? { msg: said[1] ?? '' } : undefined;
}

/** Reads back the IP from the 700006 evidence line. */
export function ipFromEvidence(line: string): string | undefined {
  return /^MEXC saw your IP as (\S{1,64})$/.exec(line)?.[1];
}

/** Shown for every diagnosis when present, after the entry's own evidence. */
const COMMON = ['endpoint', 'httpStatus', 'mexcCode', 'mexcMsg', 'api'];
/** Bookkeeping facts that are not evidence (they steer titles and explanations). */
const INTERNAL = new Set([
  'severity',
  'nearEdge',
  'retriedWithOffset',
  'uncertain',
  'latencyCause',
  'answerKind',
  'reason',
  'basePath',
  'futuresRequest',
  // Where a credential came from steers the fixes (edit the file, the variable or what was typed).
  'origin',
  'file',
  'keyVariable',
  'secretVariable',
  'keyOrigin',
  'secretOrigin',
  'keyFile',
  'secretFile',
]);

export function evidenceLines(keys: readonly string[], facts: Facts): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  const show = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const value = facts[key];
    if (value === undefined || value === '') return;
    const formatter = FORMATTERS[key];
    const line = formatter ? formatter(value, facts) : `${key}: ${value}`;
    if (line) lines.push(line);
  };
  for (const key of keys) show(key);
  for (const key of COMMON) show(key);
  // Facts this catalog has no wording for (e.g. new ones from a step) are still shown.
  for (const key of Object.keys(facts)) if (!FORMATTERS[key] && !INTERNAL.has(key)) show(key);
  return lines;
}
