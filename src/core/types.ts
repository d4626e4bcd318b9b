/** Shared domain types. Ids are a public contract (README.md, docs/diagnoses.md): tests and users rely on them. */

import type { Api, StepId } from './step-table.js';

export { STEP_IDS, type Api, type StepId } from './step-table.js';
export type StepStatus = 'pass' | 'warn' | 'fail' | 'skip';

export const DIAGNOSIS_IDS = [
  'key-missing',
  'secret-missing',
  'key-format',
  'secret-format',
  'key-secret-swapped',
  'dns-failure',
  'connection-failed',
  'timeout',
  'tls-error',
  'blocked',
  'rate-limited',
  'server-error',
  'unexpected-response',
  'base-url-wrong',
  'proxy-auth-required',
  'clock-ahead',
  'clock-behind',
  'key-invalid',
  'key-expired',
  'key-header-missing',
  'signature-invalid',
  'signature-missing',
  'timestamp-outside-recv-window',
  'recv-window-too-large',
  'ip-not-whitelisted',
  'permission-denied',
  'illegal-characters',
  'content-type-invalid',
  'symbol-not-api-enabled',
  'account-abnormal',
  'futures-api-unavailable',
  'unknown-error',
] as const;
export type DiagnosisId = (typeof DIAGNOSIS_IDS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Phase timings of one exchange, in ms (from got's `timings.phases`). */
export interface Timings {
  dnsMs?: number;
  tcpMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
  totalMs?: number;
}

/**
 * What happened on one request: the raw facts the classifier reads. Failures are observations,
 * never exceptions. Every string in here has already had the secret stripped.
 */
export interface Observation {
  method: HttpMethod;
  /** A pasted path with no method beside it: `method` is a default, not something the paste said. */
  methodGuessed?: boolean;
  /** Path only, e.g. `/api/v3/account`. */
  path: string;
  /** Full URL as sent, with the signature shortened (`ab12…9f`). */
  url: string;
  /** Local wall-clock time (ms) just before sending and just after the response. */
  sentAtMs: number;
  receivedAtMs: number;
  /** When the request was fully written and when the first response byte came (same clock). */
  wireSentAtMs?: number;
  wireFirstByteAtMs?: number;
  status?: number;
  /** Response headers of interest, lowercased names (content-type, retry-after, server …). */
  headers?: Record<string, string>;
  /** Body text, at most a few KB, secrets stripped. */
  bodySnippet?: string;
  /** Size of the whole body as received, in bytes (the snippet may be shorter). */
  bodyBytes?: number;
  /** Parsed JSON body when the body was JSON. */
  json?: unknown;
  /** MEXC's `code` (spot `{code,msg}` or futures `{success,code,message}`). */
  mexcCode?: number | string;
  mexcMsg?: string;
  /** Node/got error code (ENOTFOUND, ECONNREFUSED, ETIMEDOUT, ERR_…) when no response arrived. */
  networkError?: { code: string; message: string };
  timings?: Timings;
  /** Seconds from the Retry-After header when present. */
  retryAfterSec?: number;
  /** For signed requests: what was signed (never the secret). */
  signed?: { stringToSign: string; timestampMs: number; recvWindowMs: number };
}

/**
 * A classifier result: the cause it names (a diagnosis id) and the facts that support it
 * (e.g. `{ip: '198.51.100.23'}`, `{localAheadMs: 4200}`), before the catalog renders it.
 * Not a lab finding: those are LabFinding, about a request the user's code sent.
 */
export interface Cause {
  id: DiagnosisId;
  facts: Record<string, string | number | boolean>;
}

/** One copyable fix: plain text with no decoration inside it, so a mouse can select it. */
export interface Fix {
  title: string;
  /** `sh`, `powershell`, `python`, `js`, `steps` (numbered web steps) or `text`. */
  lang: 'sh' | 'powershell' | 'python' | 'js' | 'steps' | 'text';
  text: string;
}

/** A rendered catalog entry: what the JSON output and every front end show. */
export interface Diagnosis {
  id: DiagnosisId;
  title: string;
  /** Plain-words explanation of the cause. */
  explanation: string;
  /** Human-readable evidence lines ("MEXC saw your IP as 198.51.100.23"). */
  evidence: string[];
  fixes: Fix[];
}

/**
 * The clock step's numbers, for the picture of MEXC's timing rule: where a request signed now
 * lands against the window MEXC accepts (relative to MEXC's time on arrival).
 */
export interface ClockTiming {
  /** The local clock's lead over MEXC (positive: ahead), ± uncertaintyMs. */
  localAheadMs: number;
  uncertaintyMs: number;
  /** A request's timestamp minus MEXC's time when it arrives, over the samples used. */
  arrivalLeadMs: { min: number; max: number };
  /** Refused when the lead is aheadMs or more, or the lag more than behindMs. */
  window: { aheadMs: number; behindMs: number };
  /** "recvWindow" (spot) or "the futures window". */
  windowName: string;
}

export interface StepResult {
  id: StepId;
  status: StepStatus;
  /** One line for the checklist ("Server reachable in 84 ms"). */
  summary: string;
  /** Evidence lines (timings, offset with sign, the string-to-sign with the secret redacted). */
  evidence: string[];
  diagnoses: Diagnosis[];
  /** Why it was skipped, when status is `skip`. */
  skipReason?: string;
  /** The clock step: the numbers of MEXC's timing rule. */
  timing?: ClockTiming;
  durationMs: number;
}

/** Everything the catalog may fill into fixes and snippets. Never the secret. */
export interface FixContext {
  apiKey?: string;
  baseUrl: string;
  symbol: string;
  recvWindowMs: number;
  platform: NodeJS.Platform | 'unknown';
  /** Whose request failed: this tool's own (check, wizard steps) or one the user's code sent (explain, the default). */
  requestSource?: 'tool' | 'user';
  /** The API a run diagnoses (`check --futures`: 'futures'); fixes then name futures rules and commands. */
  api?: Api;
  /** How the user started mexc-wizard ("node bin/mexc-wizard.js"): the commands fixes name start with it. */
  invocation?: string;
}
