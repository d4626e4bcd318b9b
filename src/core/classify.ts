import { describeJson, SUCCESS_SHAPES, type ShapedEndpoint } from './answers.js';
import { catalogEntry, type CatalogEntry, type CodeFamily, type CodeRead, type MessageRead } from './catalog/index.js';
import { MEXC_API_BASE_URL } from './catalog/connectivity.js';
import { estimateFromOffset, FUTURE_TOLERANCE_MS, judgeClock, type ClockEstimate, type ClockJudgement, type ClockVerdictKind } from './clock.js';
import { DIAGNOSIS_IDS, type DiagnosisId, type Cause, type Observation } from './types.js';
import { terminalSafe } from './terminal-text.js';

export { parseWhitelistIp } from './catalog/auth.js';
export type { ClockVerdictKind } from './clock.js';

/**
 * The one classifier: an Observation (or a pasted error turned into one) → findings that the
 * catalog renders. Every code, message, HTTP status and network error it reads comes from the
 * catalog entries' `reads` (src/core/catalog), so a diagnosis is defined in one place.
 *
 * Precedence: words that beat any code (an expired key, maintenance) → a known code of the
 * answer's API family → a known message (it wins over an unknown code) → the HTTP status →
 * `unknown-error` with the raw code and message.
 */

export type Facts = Cause['facts'];

/** The clock step's verdict, passed in so a 700003 can name the real cause. */
export interface ClockVerdict {
  localAheadMs: number;
  rttMs: number;
  verdict: ClockVerdictKind;
}

export interface ClassifyContext {
  clockVerdict?: ClockVerdict;
  /** The proxy in use, as host:port (for a 407). */
  proxy?: string;
  /** The endpoint a step called: its answer must have MEXC's success shape to pass. */
  expect?: ShapedEndpoint;
}

// ---------------------------------------------------------------------------------------------
// Tables derived from the catalog

interface CodeRule {
  id: DiagnosisId;
  read: CodeRead;
}
interface MessageRule {
  id: DiagnosisId;
  read: MessageRead;
}

const entries: ReadonlyArray<readonly [DiagnosisId, CatalogEntry]> = DIAGNOSIS_IDS.map((id) => [id, catalogEntry(id)] as const);

/** family → code → rules; rules with a `when` come first, so the narrower reading wins. */
const CODE_RULES = new Map<CodeFamily, Map<number, CodeRule[]>>();
for (const [id, entry] of entries) {
  for (const read of entry.reads.codes ?? []) {
    const byCode = CODE_RULES.get(read.family) ?? new Map<number, CodeRule[]>();
    CODE_RULES.set(read.family, byCode);
    const rules = byCode.get(read.code) ?? [];
    rules.push({ id, read });
    rules.sort((a, b) => Number(b.read.when !== undefined) - Number(a.read.when !== undefined));
    byCode.set(read.code, rules);
  }
}

export const MESSAGE_RULES: readonly MessageRule[] = entries.flatMap(([id, entry]) => (entry.reads.messages ?? []).map((read) => ({ id, read })));

/** Codes this tool reads, for finding a bare code in a paste. */
export const KNOWN_MEXC_CODES: ReadonlySet<number> = new Set(entries.flatMap(([, e]) => (e.reads.codes ?? []).map((c) => c.code)));

const STATUS_RULES = entries.flatMap(([id, entry]) => {
  const s = entry.reads.httpStatuses;
  if (!s) return [];
  const test = Array.isArray(s.statuses) ? (n: number) => (s.statuses as readonly number[]).includes(n) : (n: number) => n >= (s.statuses as { from: number }).from && n <= (s.statuses as { to: number }).to;
  return [{ id, test }];
});

/** The diagnosis an HTTP status means on its own, if any. */
export function diagnosisForStatus(status: number): DiagnosisId | undefined {
  return STATUS_RULES.find((r) => r.test(status))?.id;
}

const NETWORK_CODES: ReadonlyMap<string, DiagnosisId> = new Map<string, DiagnosisId>(entries.flatMap(([id, e]) => (e.reads.network?.codes ?? []).map((c) => [c, id] as const)));
/** Every network error code the catalog names. */
export const NETWORK_CODE_NAMES: ReadonlySet<string> = new Set(NETWORK_CODES.keys());
const NETWORK_CODE_PATTERNS = entries.flatMap(([id, e]) => (e.reads.network?.codePattern ? [{ id, pattern: e.reads.network.codePattern }] : []));
/** Texts other stacks print for a network failure, in the catalog's order. */
export const NETWORK_TEXTS: ReadonlyArray<{ id: DiagnosisId; pattern: RegExp }> = entries.flatMap(([id, e]) => (e.reads.network?.texts ?? []).map((t) => ({ id, pattern: t.pattern })));

// ---------------------------------------------------------------------------------------------
// Clock

/**
 * Clock findings from an estimate: `clock-ahead` / `clock-behind` as an error when every sample
 * lands outside MEXC's window, as a warning (`nearEdge`, `uncertain`) when close to an edge or
 * when the samples disagree. A slow network that explains the age of requests is latency, not a
 * clock problem: it gets no finding unless requests would be refused.
 */
export function clockFindings(estimate: ClockEstimate, judgement: ClockJudgement, recvWindowMs: number): Cause[] {
  const { verdict, side, cause, marginMs } = judgement;
  if (verdict === 'ok' || !side) return [];
  if (side === 'behind' && cause === 'latency' && verdict !== 'behind') return [];
  const worstLead = side === 'ahead' ? (verdict === 'ahead' ? estimate.minArrivalLeadMs : estimate.maxArrivalLeadMs) : verdict === 'behind' ? estimate.maxArrivalLeadMs : estimate.minArrivalLeadMs;
  const hard = verdict === 'ahead' || verdict === 'behind';
  const facts: Facts = {
    localAheadMs: Math.round(estimate.localAheadMs),
    rttMs: Math.round(estimate.rttMs),
    recvWindowMs,
    arrivalLeadMs: Math.round(worstLead),
    nearEdge: !hard,
    severity: hard ? 'error' : 'warning',
  };
  if (estimate.uncertaintyMs > estimate.rttMs / 2 + 1) facts.uncertaintyMs = estimate.uncertaintyMs;
  if (estimate.inconsistent) facts.scatterMs = estimate.scatterMs;
  if (verdict === 'near-edge') facts.marginMs = Math.round(marginMs);
  if (verdict === 'uncertain') facts.uncertain = true;
  if (side === 'behind' && cause === 'latency') facts.latencyCause = true;
  return [{ id: side === 'ahead' ? 'clock-ahead' : 'clock-behind', facts }];
}

/** Clock findings for one offset and round trip (half of it assumed outbound). */
export function classifyClock(localAheadMs: number, rttMs: number, recvWindowMs: number): Cause[] {
  const estimate = estimateFromOffset(localAheadMs, rttMs);
  return clockFindings(estimate, judgeClock(estimate, recvWindowMs), recvWindowMs);
}

/** The lead a request signed now has on arrival, assuming half the round trip outbound. */
export function arrivalLeadMs(localAheadMs: number, rttMs: number): number {
  return localAheadMs - Math.max(0, rttMs) / 2;
}

export function clockVerdict(localAheadMs: number, rttMs: number, recvWindowMs: number): ClockVerdict {
  return { localAheadMs, rttMs, verdict: judgeClock(estimateFromOffset(localAheadMs, rttMs), recvWindowMs).verdict };
}

export { FUTURE_TOLERANCE_MS };

// ---------------------------------------------------------------------------------------------
// Network errors (no complete answer arrived)

export function classifyNetworkError(code: string, message = ''): DiagnosisId {
  const upper = code.toUpperCase();
  const text = message.slice(0, 300);
  const exact = NETWORK_CODES.get(upper);
  if (exact) return exact;
  const byPattern = NETWORK_CODE_PATTERNS.find((p) => p.pattern.test(upper));
  if (byPattern) return byPattern.id;
  const byText = NETWORK_TEXTS.find((t) => t.pattern.test(text));
  return byText?.id ?? 'unknown-error';
}

// ---------------------------------------------------------------------------------------------
// MEXC codes and messages

/** Normalises a message for matching: lowercase, trimmed, trailing `.`/`!` removed. */
export function normaliseMexcMessage(msg: string): string {
  return msg.slice(0, 2000).trim().toLowerCase().replace(/[.!\s]+$/, '');
}

/** Where a message rule matches in lowercase text: index and length, or undefined. */
export function matchMessage(rule: MessageRule, lower: string): { index: number; length: number } | undefined {
  if ('fragment' in rule.read) {
    const index = lower.indexOf(rule.read.fragment);
    return index < 0 ? undefined : { index, length: rule.read.fragment.length };
  }
  const m = rule.read.pattern.exec(lower);
  return m ? { index: m.index, length: m[0].length } : undefined;
}

function messageFacts(read: MessageRead, msg: string): Facts {
  return typeof read.facts === 'function' ? read.facts(msg) : (read.facts ?? {});
}

/**
 * The most specific known message in `msg` (the longest match), with the facts it carries.
 * Readings of the `futures` family count only in a futures answer (`futuresEnvelope`).
 */
export function diagnosisForMessage(msg: string, only?: (r: MessageRule) => boolean, futuresEnvelope = false): { id: DiagnosisId; facts: Facts } | undefined {
  const lower = normaliseMexcMessage(msg);
  if (!lower) return undefined;
  let best: { rule: MessageRule; length: number } | undefined;
  for (const rule of MESSAGE_RULES) {
    if (only && !only(rule)) continue;
    if (rule.read.family === 'futures' && !futuresEnvelope) continue;
    const m = matchMessage(rule, lower);
    if (m && (!best || m.length > best.length)) best = { rule, length: m.length };
  }
  return best ? { id: best.rule.id, facts: messageFacts(best.rule.read, msg) } : undefined;
}

/** `730708` and 730708 alike; undefined for non-numeric codes. */
export function parseMexcCode(code: number | string | undefined): number | undefined {
  if (code === undefined) return undefined;
  const text = String(code).trim();
  return /^-?\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export function isSuccessCode(code: number): boolean {
  return code === 0 || code === 200;
}

interface MexcError {
  code?: number;
  msg?: string;
  /** A futures answer: the futures envelope, or a futures path. */
  futures: boolean;
  /** The answer carries the futures envelope (`success`): futures words are read as futures words. */
  envelope: boolean;
}

/**
 * One MEXC error (code and/or message) → its diagnosis and specific facts, if this tool knows it.
 * Futures messages may come in Chinese (docs/mexc-api.md §6), so for a futures answer the code
 * decides wherever the words are not known.
 */
function diagnoseMexcError(err: MexcError): { id: DiagnosisId; facts: Facts } | undefined {
  const msg = err.msg ?? '';
  const lower = normaliseMexcMessage(msg);
  const futuresWords = err.envelope ? diagnosisForMessage(msg, (r) => r.read.family === 'futures' && r.read.beatsCode === true, true) : undefined;
  const beats = futuresWords ?? diagnosisForMessage(msg, (r) => r.read.beatsCode === true);
  const families: CodeFamily[] = err.futures ? ['futures', 'spot', 'binance'] : ['spot', 'futures', 'binance'];
  if (beats) return { id: beats.id, facts: { ...(err.futures ? { api: 'futures' } : {}), ...beats.facts } };
  if (err.code !== undefined) {
    for (const family of families) {
      const rule = CODE_RULES.get(family)?.get(err.code)?.find((r) => !r.read.when || r.read.when(lower));
      if (rule) {
        const futures = err.futures || family === 'futures';
        return { id: rule.id, facts: { ...(futures ? { api: 'futures' } : {}), ...(rule.read.facts?.(msg) ?? {}) } };
      }
    }
  }
  const byMessage = diagnosisForMessage(msg, undefined, err.envelope);
  if (byMessage) return { id: byMessage.id, facts: { ...(err.futures ? { api: 'futures' } : {}), ...byMessage.facts } };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What an answer looked like, when it was not MEXC's

interface BodyFacts {
  rawCode?: number | string;
  msg?: string;
  futures: boolean;
  /** The futures envelope: a `success` field. */
  envelope: boolean;
  /** Spot's error shape `{code, msg}` (no `success`). */
  spotShaped: boolean;
  isJson: boolean;
  failed: boolean;
  record?: Record<string, unknown>;
}

/** Reads code/msg from the observation, falling back to the parsed JSON body. */
function readBody(obs: Observation): BodyFacts {
  const record = obs.json && typeof obs.json === 'object' && !Array.isArray(obs.json) ? (obs.json as Record<string, unknown>) : undefined;
  const jsonCode = record && (typeof record.code === 'number' || typeof record.code === 'string') ? record.code : undefined;
  const jsonMsg = record ? (typeof record.msg === 'string' ? record.msg : typeof record.message === 'string' ? record.message : undefined) : undefined;
  // Futures (contract v1) answers carry `success` and `message` (docs/mexc-api.md §6).
  const envelope = Boolean(record && 'success' in record);
  const futures = envelope || obs.path.startsWith('/api/v1/');
  return {
    rawCode: obs.mexcCode ?? jsonCode,
    msg: obs.mexcMsg ?? jsonMsg,
    futures,
    envelope,
    // Read from the body as received: a pasted error is rebuilt as JSON and proves no shape.
    spotShaped: Boolean(record && !envelope && jsonCode !== undefined && /"msg"\s*:/.test(obs.bodySnippet ?? '')),
    isJson: obs.json !== undefined,
    failed: record?.success === false,
    ...(record ? { record } : {}),
  };
}

function isHtml(obs: Observation): boolean {
  const type = obs.headers?.['content-type'] ?? '';
  const body = (obs.bodySnippet ?? '').slice(0, 200).trimStart().toLowerCase();
  return type.includes('html') || body.startsWith('<!doctype') || body.startsWith('<html') || body.startsWith('<');
}

const oneLine = (text: string, max = 120) => {
  const line = text.replace(/<[^>]{0,200}>/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

/** What came instead of MEXC's answer, in facts: content type, page title, first line, cut-off. */
function unexpectedFacts(obs: Observation, expect?: ShapedEndpoint): Facts {
  const facts: Facts = {};
  const type = obs.headers?.['content-type'];
  if (type) facts.contentType = type.slice(0, 100);
  if (expect) facts.expected = SUCCESS_SHAPES[expect].expected;
  const location = obs.headers?.location;
  const snippet = obs.bodySnippet ?? '';
  const status = obs.status ?? 0;
  if (status >= 300 && status < 400) {
    facts.answerKind = 'redirect';
    facts.got = `a redirect (HTTP ${status})${location ? ` to ${location.slice(0, 200)}` : ''}`;
    if (location) facts.location = location.slice(0, 300);
    return facts;
  }
  if (!snippet.trim() && !obs.json) {
    facts.answerKind = 'empty';
    facts.got = `an empty body (HTTP ${status})`;
    return facts;
  }
  if (obs.json === undefined && isHtml(obs)) {
    const title = /<title[^>]{0,100}>([^<]{1,200})</i.exec(snippet)?.[1];
    if (title) facts.pageTitle = oneLine(decodeEntities(title), 100);
    else facts.firstLine = oneLine(snippet);
    facts.answerKind = status === 200 ? 'captive-portal' : 'html';
    facts.got = `an HTML page${title ? ` titled "${facts.pageTitle}"` : ''} (HTTP ${status})`;
    return facts;
  }
  if (obs.json === undefined) {
    const trimmed = snippet.trim();
    const wholeBody = obs.bodyBytes === undefined || obs.bodyBytes <= Buffer.byteLength(snippet);
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && wholeBody && looksCutOff(trimmed)) {
      const bytes = obs.bodyBytes ?? Buffer.byteLength(snippet);
      facts.cutOffAtBytes = bytes;
      facts.answerKind = 'cut-off';
      facts.got = `JSON that stops after ${bytes} bytes`;
      return facts;
    }
    facts.firstLine = oneLine(snippet);
    facts.got = `text that is not JSON (HTTP ${status})`;
    return facts;
  }
  facts.answerKind = 'gateway';
  facts.got = expect ? (SUCCESS_SHAPES[expect].check(obs.json) ?? describeJson(obs.json)) : describeJson(obs.json);
  return facts;
}

/** JSON that ends inside a string or with brackets still open was cut off (not merely malformed). */
function looksCutOff(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

/** HTML entities decoded, and whatever they encoded made visible if it is a control character. */
function decodeEntities(text: string): string {
  return terminalSafe(decodeHtmlEntities(text), { multiline: true });
}

function decodeHtmlEntities(text: string): string {
  return text.replace(/&#(\d{1,5});/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function blockedFacts(obs: Observation): Facts {
  const facts: Facts = {};
  // Akamai writes the page with numeric entities: `Reference&#32;&#35;18&#46;…`.
  const body = decodeEntities((obs.bodySnippet ?? '').slice(0, 5000));
  const reference = /Reference\s*#\s*([0-9A-Za-z.]{1,80})/.exec(body)?.[1];
  if (reference) facts.reference = reference;
  if (/access denied/i.test(body)) facts.pageTitle = 'Access Denied';
  const server = obs.headers?.server;
  if (server) facts.server = server.slice(0, 100);
  if (obs.headers?.['akamai-grn']) facts.cdn = 'Akamai';
  return facts;
}

function rateFacts(obs: Observation): Facts {
  const facts: Facts = {};
  if (obs.retryAfterSec !== undefined) facts.retryAfterSec = obs.retryAfterSec;
  if (obs.status === 418) facts.ipBanned = true;
  return facts;
}

/** MEXC's maintenance answer carries an announcement link; kept only when it points at mexc.com. */
export function announcementOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    const host = url.hostname.toLowerCase();
    if (url.protocol !== 'https:' || !(host === 'mexc.com' || host.endsWith('.mexc.com'))) return undefined;
    return url.href.slice(0, 300);
  } catch {
    return undefined;
  }
}

function serverFacts(obs: Observation, record?: Record<string, unknown>): Facts {
  const facts: Facts = {};
  const text = `${obs.mexcMsg ?? ''} ${(obs.bodySnippet ?? '').slice(0, 5000)}`;
  if (/maintenance/i.test(text)) facts.maintenance = true;
  const announcement = announcementOf(record?.announcement) ?? announcementOf(/"announcement"\s*:\s*"([^"]{1,300})"/.exec(obs.bodySnippet ?? '')?.[1]);
  if (announcement) facts.announcement = announcement;
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Base URL

export interface BaseUrlCheck {
  baseUrl: string;
  corrected?: string;
  reason?: 'path-in-base' | 'website-host' | 'plain-http' | 'not-found';
  basePath?: string;
  canonical: boolean;
}

const isMexcHost = (host: string) => host === 'mexc.com' || host.endsWith('.mexc.com');

/**
 * What the URL of a request says about its base URL: `https://api.mexc.com/api/v3/api/v3/ping`
 * was sent with base `https://api.mexc.com/api/v3` (a path in the base), `https://www.mexc.com`
 * is the website, `http://api.mexc.com` is not https.
 */
export function checkBaseUrl(url: string): BaseUrlCheck | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.toLowerCase();
  const at = Math.max(u.pathname.lastIndexOf('/api/v3/'), u.pathname.lastIndexOf('/api/v1/'));
  const basePath = at >= 0 ? u.pathname.slice(0, at) : u.pathname.replace(/\/+$/, '');
  const origin = `${u.protocol}//${u.host}`;
  const baseUrl = `${origin}${basePath}`;
  const canonicalOrigin = isMexcHost(host) ? MEXC_API_BASE_URL : origin;
  // A base URL that carries part of an API path (…/api/v3, …/open/api/v2): the client adds the
  // path again. Other prefixes can be a reverse proxy's and are not judged by their look.
  if (/(?:^|\/)(?:api|open|v\d)(?:\/|$)/i.test(basePath)) return { baseUrl, corrected: canonicalOrigin, reason: 'path-in-base', basePath, canonical: false };
  if (isMexcHost(host) && host !== 'api.mexc.com') return { baseUrl, corrected: MEXC_API_BASE_URL, reason: 'website-host', canonical: false };
  if (isMexcHost(host) && u.protocol === 'http:') return { baseUrl, corrected: MEXC_API_BASE_URL, reason: 'plain-http', canonical: false };
  return { baseUrl, canonical: origin === MEXC_API_BASE_URL };
}

/** A request to the futures API's paths (https://www.mexc.com/api-docs/futures/integration-guide). */
export function isFuturesApiPath(path: string): boolean {
  return /^\/api\/v1\/(?:contract|private)(?:\/|$)/.test(path);
}

/** Statuses that mean the same on any host, so they say nothing about which API answered. */
const ANY_HOST_STATUS = (status: number | undefined) => status !== undefined && (status === 403 || status === 407 || status === 418 || status === 429 || status === 451 || status >= 500);

/**
 * A futures path answered the spot way (`{code, msg}`, no `success`): the host does not serve
 * the futures API (a spot-only host, or a gateway that sends everything to spot).
 */
function spotHostFinding(obs: Observation, body: BodyFacts, common: Facts, mexc: Facts): Cause | undefined {
  if (!isFuturesApiPath(obs.path) || !body.spotShaped || ANY_HOST_STATUS(obs.status)) return undefined;
  const check = checkBaseUrl(obs.url);
  if (!check) return undefined;
  return baseUrlFinding(obs, check, { ...common, ...mexc }, { futuresRequest: true, ...(check.reason ? {} : { reason: 'spot-host' }) });
}

function baseUrlFinding(obs: Observation, check: BaseUrlCheck, common: Facts, extra: Facts): Cause {
  const facts: Facts = { ...common, baseUrl: check.baseUrl, correctedBaseUrl: check.corrected ?? MEXC_API_BASE_URL, reason: check.reason ?? 'not-found', ...extra };
  if (check.basePath) facts.basePath = check.basePath;
  const what = [obs.status !== undefined ? `HTTP ${obs.status}` : '', obs.headers?.server ? `server ${obs.headers.server.slice(0, 60)}` : '', extra.got ? String(extra.got) : ''].filter(Boolean);
  if (what.length) facts.whatAnswered = what.join(', ');
  delete facts.got;
  delete facts.expected;
  return { id: 'base-url-wrong', facts };
}

// ---------------------------------------------------------------------------------------------
// Observation → findings

function commonFacts(obs: Observation): Facts {
  const facts: Facts = {};
  // A pasted path without its method is named as it was pasted: the method decides the permission.
  if (obs.path) facts.endpoint = obs.methodGuessed ? obs.path : `${obs.method} ${obs.path}`;
  if (obs.status !== undefined) facts.httpStatus = obs.status;
  return facts;
}

function timingFacts(obs: Observation, ctx: ClassifyContext): Facts {
  const facts: Facts = {};
  const ts = obs.signed?.timestampMs ?? Number(/[?&]timestamp=(\d{1,16})/.exec(obs.url)?.[1] ?? NaN);
  if (Number.isFinite(ts)) {
    facts.timestampMs = ts;
    // A 10-digit value is seconds, not milliseconds (docs/mexc-api.md §7).
    if (ts > 0 && ts < 1e11) facts.timestampInSeconds = true;
  }
  const rw = obs.signed?.recvWindowMs ?? Number(/[?&]recvWindow=(\d{1,9})/.exec(obs.url)?.[1] ?? NaN);
  if (Number.isFinite(rw)) facts.recvWindowMs = rw;
  if (ctx.clockVerdict) {
    facts.clockVerdict = ctx.clockVerdict.verdict;
    facts.localAheadMs = Math.round(ctx.clockVerdict.localAheadMs);
    facts.rttMs = Math.round(ctx.clockVerdict.rttMs);
  }
  return facts;
}

/** The futures window is in seconds, either way of MEXC's clock: say it so, not as a recvWindow. */
function futuresTiming(facts: Facts): Facts {
  const { recvWindowMs, ...rest } = facts;
  return typeof recvWindowMs === 'number' ? { ...rest, futuresWindowSec: recvWindowMs / 1000 } : rest;
}

/** Facts a diagnosis adds from the observation itself (beyond the code's own). */
function observationFacts(id: DiagnosisId, obs: Observation, ctx: ClassifyContext, record?: Record<string, unknown>): Facts {
  switch (id) {
    case 'timestamp-outside-recv-window':
      return readBody(obs).futures ? futuresTiming(timingFacts(obs, ctx)) : timingFacts(obs, ctx);
    case 'rate-limited':
      return rateFacts(obs);
    case 'blocked':
      return blockedFacts(obs);
    case 'server-error':
      return serverFacts(obs, record);
    case 'proxy-auth-required':
      return ctx.proxy ? { proxy: ctx.proxy } : {};
    default:
      return {};
  }
}

/**
 * Classifies one exchange. With `ctx.expect`, an answer passes only when it has MEXC's success
 * shape for that endpoint, and anything else yields at least one finding. Without it (a pasted
 * answer), `[]` means a MEXC answer without an error.
 */
export function classifyObservation(obs: Observation, ctx: ClassifyContext = {}): Cause[] {
  const common = commonFacts(obs);

  // No complete answer: a network error wins unless a complete MEXC JSON answer arrived first.
  if (obs.networkError && (obs.status === undefined || obs.json === undefined)) {
    const { code, message } = obs.networkError;
    const id = classifyNetworkError(code, message);
    const facts: Facts = { ...common, errorCode: code, errorMessage: message.slice(0, 300) };
    if (id === 'proxy-auth-required' && ctx.proxy) facts.proxy = ctx.proxy;
    if ((id === 'connection-failed' || id === 'unknown-error') && obs.status !== undefined && ((obs.bodySnippet ?? '').trim() || (obs.bodyBytes ?? 0) > 0)) {
      // The status line and part of the body came, then the connection broke: a cut-off answer.
      const bytes = obs.bodyBytes ?? Buffer.byteLength(obs.bodySnippet ?? '');
      return [{ id: 'unexpected-response', facts: { ...facts, answerKind: 'cut-off', cutOffAtBytes: bytes, got: `an answer cut off after ${bytes} bytes (${code})` } }];
    }
    return [{ id, facts }];
  }

  const body = readBody(obs);
  const code = parseMexcCode(body.rawCode);
  const knownByMessage = body.msg ? diagnosisForMessage(body.msg) : undefined;
  const isError = body.failed || (code !== undefined && !isSuccessCode(code)) || (code === undefined && knownByMessage !== undefined);
  const status = obs.status;

  if (isError) {
    const mexc: Facts = {};
    if (body.rawCode !== undefined) mexc.mexcCode = body.rawCode;
    if (body.msg !== undefined) mexc.mexcMsg = body.msg.slice(0, 500);
    const spotHost = spotHostFinding(obs, body, common, mexc);
    if (spotHost) return [spotHost];
    const known = diagnoseMexcError({ ...(code !== undefined ? { code } : {}), ...(body.msg !== undefined ? { msg: body.msg } : {}), futures: body.futures, envelope: body.envelope });
    // An unknown code: the HTTP status may still say what happened (418/429 with any body).
    const byStatus = !known && status !== undefined ? statusFinding(obs, ctx, common) : undefined;
    if (byStatus && byStatus.id !== 'unexpected-response') return [{ ...byStatus, facts: { ...byStatus.facts, ...mexc } }];
    const id = known?.id ?? 'unknown-error';
    if (id === 'base-url-wrong') {
      const check = checkBaseUrl(obs.url);
      if (check) return [baseUrlFinding(obs, check, { ...common, ...mexc }, {})];
    }
    const snippet: Facts = id === 'unknown-error' && body.rawCode === undefined && obs.bodySnippet ? { bodySnippet: oneLine(obs.bodySnippet, 200) } : {};
    return [{ id, facts: { ...common, ...mexc, ...snippet, ...observationFacts(id, obs, ctx, body.record), ...(known?.facts ?? {}) } }];
  }

  if (status === undefined) return [];
  if (status >= 200 && status < 300) {
    if (ctx.expect) {
      const shape = SUCCESS_SHAPES[ctx.expect];
      if (status === 200 && obs.json !== undefined && shape.check(obs.json) === undefined) return [];
      return [notMexc(obs, ctx, common)];
    }
    return body.isJson ? [] : [notMexc(obs, ctx, common)];
  }
  return [statusFinding(obs, ctx, common) ?? unknownAnswer(obs, common)];
}

function unknownAnswer(obs: Observation, common: Facts): Cause {
  const snippet = oneLine(obs.bodySnippet ?? '', 200);
  return { id: 'unknown-error', facts: { ...common, ...(snippet ? { bodySnippet: snippet } : {}) } };
}

/** An answer that is not MEXC's: a wrong base URL when the URL says so, else unexpected-response. */
function notMexc(obs: Observation, ctx: ClassifyContext, common: Facts): Cause {
  const facts = unexpectedFacts(obs, ctx.expect);
  const check = checkBaseUrl(obs.url);
  if (check?.reason) return baseUrlFinding(obs, check, common, facts);
  return { id: 'unexpected-response', facts: { ...common, ...facts } };
}

/** The finding an HTTP status gives when the body names no known MEXC error. */
function statusFinding(obs: Observation, ctx: ClassifyContext, common: Facts): Cause | undefined {
  const status = obs.status;
  if (status === undefined) return undefined;
  const id = diagnosisForStatus(status);
  if (id === 'base-url-wrong') {
    const check = checkBaseUrl(obs.url);
    // A 404 at a base URL that looks right (and past the ping) is a proxy or gateway in between.
    const pasted = ctx.expect === undefined;
    // A futures path that does not exist there: the host does not serve the futures API.
    if (check && isFuturesApiPath(obs.path) && !readBody(obs).envelope) {
      return baseUrlFinding(obs, check, common, { ...unexpectedFacts(obs), futuresRequest: true, ...(check.reason ? {} : { reason: 'no-futures-api' }) });
    }
    if (check && (check.reason || pasted || (ctx.expect === 'GET /api/v3/ping' && !check.canonical))) return baseUrlFinding(obs, check, common, unexpectedFacts(obs));
    if (!check && pasted) return { id, facts: { ...common, correctedBaseUrl: MEXC_API_BASE_URL, reason: 'not-found' } };
    return notMexc(obs, ctx, common);
  }
  if (id) return { id, facts: { ...common, ...observationFacts(id, obs, ctx, readBody(obs).record) } };
  if ((status >= 300 && status < 400) || !obs.json || isHtml(obs)) return notMexc(obs, ctx, common);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// A step's verdict on one answer

export type AnswerVerdict = { ok: true; json: unknown } | { ok: false; findings: Cause[] };

/** Positive evidence: ok only when the answer has MEXC's success shape for `endpoint`. */
export function judgeAnswer(obs: Observation, endpoint: ShapedEndpoint, ctx: Omit<ClassifyContext, 'expect'> = {}): AnswerVerdict {
  const findings = classifyObservation(obs, { ...ctx, expect: endpoint });
  if (findings.length === 0) return { ok: true, json: obs.json };
  return { ok: false, findings };
}

/** The same judgement, for a step that only needs to know. */
export function isSuccess(obs: Observation, endpoint: ShapedEndpoint): boolean {
  return judgeAnswer(obs, endpoint).ok;
}
