import type { DiagnosisId, Cause, Observation } from './types.js';

/**
 * The one classifier: an Observation (or a pasted error turned into one) → findings that the
 * catalog renders. Codes and texts follow mexc-api.md §3 (spot) and §6 (futures); they are
 * matched on the code first, then on the message, then on the HTTP status and body shape.
 */

export type Facts = Cause['facts'];

export type ClockVerdictKind = 'ok' | 'ahead' | 'behind' | 'near-edge';

/** The clock step's verdict, passed in so a 700003 can name the real cause. */
export interface ClockVerdict {
  localAheadMs: number;
  rttMs: number;
  verdict: ClockVerdictKind;
}

export interface ClassifyContext {
  clockVerdict?: ClockVerdict;
}

// ---------------------------------------------------------------------------------------------
// Clock

/** MEXC rejects a timestamp this far (or more) in its future (mexc-api.md §1.1 "Timing security"). */
export const FUTURE_TOLERANCE_MS = 1000;
/** Within this share of either edge the clock still passes, but only just. */
export const NEAR_EDGE_SHARE = 0.2;

/**
 * Server rule (mexc-api.md §1.1): accept iff `timestamp < serverTime + 1000` and
 * `serverTime - timestamp <= recvWindow`.
 *
 * A request signed locally at local time L carries timestamp = L. It reaches MEXC one-way
 * latency later, when MEXC's clock reads serverTime = (L − localAheadMs) + oneWayMs. So
 *   timestamp − serverTime = localAheadMs − oneWayMs  =: arrivalLeadMs
 * with oneWayMs ≈ rttMs / 2. Then
 *   clock-ahead   ⇔ arrivalLeadMs ≥ 1000        (no recvWindow can help: that check is one-sided)
 *   clock-behind  ⇔ −arrivalLeadMs > recvWindow  (lag plus latency eats the window)
 * and "near the edge" is arrivalLeadMs ≥ 800, or the lag ≥ 80 % of recvWindow.
 */
export function arrivalLeadMs(localAheadMs: number, rttMs: number): number {
  return localAheadMs - Math.max(0, rttMs) / 2;
}

export function clockVerdict(localAheadMs: number, rttMs: number, recvWindowMs: number): ClockVerdict {
  const findings = classifyClock(localAheadMs, rttMs, recvWindowMs);
  const hard = findings.find((f) => !f.facts.nearEdge);
  const verdict: ClockVerdictKind = hard ? (hard.id === 'clock-ahead' ? 'ahead' : 'behind') : findings.length ? 'near-edge' : 'ok';
  return { localAheadMs, rttMs, verdict };
}

/**
 * Clock findings for a measured offset. A hard failure has `severity: 'error'`; a pass within
 * 20 % of an edge returns the same id with `nearEdge: true` and `severity: 'warning'`.
 */
export function classifyClock(localAheadMs: number, rttMs: number, recvWindowMs: number): Cause[] {
  const leadMs = arrivalLeadMs(localAheadMs, rttMs);
  const lagMs = -leadMs;
  const base: Facts = {
    localAheadMs: Math.round(localAheadMs),
    rttMs: Math.round(rttMs),
    recvWindowMs,
    arrivalLeadMs: Math.round(leadMs),
  };
  if (leadMs >= FUTURE_TOLERANCE_MS) {
    return [{ id: 'clock-ahead', facts: { ...base, nearEdge: false, severity: 'error' } }];
  }
  if (lagMs > recvWindowMs) {
    return [{ id: 'clock-behind', facts: { ...base, nearEdge: false, severity: 'error' } }];
  }
  if (leadMs >= FUTURE_TOLERANCE_MS * (1 - NEAR_EDGE_SHARE)) {
    return [{ id: 'clock-ahead', facts: { ...base, nearEdge: true, severity: 'warning', marginMs: Math.round(FUTURE_TOLERANCE_MS - leadMs) } }];
  }
  if (lagMs >= recvWindowMs * (1 - NEAR_EDGE_SHARE)) {
    return [{ id: 'clock-behind', facts: { ...base, nearEdge: true, severity: 'warning', marginMs: Math.round(recvWindowMs - lagMs) } }];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Network errors (no response arrived)

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ERR_SOCKET_CLOSED',
  'UND_ERR_SOCKET',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ETIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
const TLS_CODE = /^(?:CERT_|ERR_TLS_|ERR_SSL_|ERR_CERT|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(?:VERIFY|GET)_|EPROTO$|HOSTNAME_MISMATCH$)/;

export function classifyNetworkError(code: string, message = ''): DiagnosisId {
  const upper = code.toUpperCase();
  if (DNS_CODES.has(upper)) return 'dns-failure';
  if (TIMEOUT_CODES.has(upper) || /timeout|timed out/i.test(message.slice(0, 300))) return 'timeout';
  if (TLS_CODE.test(upper)) return 'tls-error';
  if (CONNECTION_CODES.has(upper) || /socket hang up/i.test(message.slice(0, 300))) return 'connection-failed';
  if (upper === 'ERR_BODY_TOO_LARGE') return 'unexpected-response';
  return 'unknown-error';
}

// ---------------------------------------------------------------------------------------------
// MEXC codes and messages

/** Futures (contract v1) codes that spot v3 does not use (mexc-api.md §6). */
const FUTURES_ONLY_CODES = new Set([402, 406, 506, 510, 511, 513, 600, 601, 602, 603, 701, 702, 703, 704, 1000, 9999]);

/** Futures permission codes → the permission MEXC asks for (mexc-api.md §6). */
const FUTURES_PERMISSIONS: Record<number, string> = {
  701: 'Account read (futures)',
  702: 'Account modify (futures)',
  703: 'Trade information read (futures)',
  704: 'Transaction information modify (futures)',
};

/**
 * Known message fragments (lowercase, no trailing period) → the code MEXC uses for them, so a
 * bare pasted message classifies like its JSON body. Old variants included (mexc-api.md §3).
 */
export const MESSAGE_CODES: ReadonlyArray<readonly [fragment: string, code: number]> = [
  ['signature for this request is not valid', 700002],
  ['timestamp for this request is outside of the recvwindow', 700003],
  ["mandatory parameter 'signature'", 700004],
  ['recvwindow must less than', 700005],
  ['not in the ip white list', 700006],
  ['ip non white list', 700006],
  ['no permission to access the endpoint', 700007],
  ['illegal characters found in parameter', 700008],
  ['invalid content type', 700013],
  ['api-key format invalid', 700001],
  ['api key info invalid', 10072],
  ['invalid access key', 10072],
  ['symbol not support api', 10007],
  ['pair user ban trade apikey', 70011],
  ['no permission for the symbol', 30020],
  ['your account is abnormal', 60005],
  ['api key required', 400],
  ['no authority', 401],
  ['api_key expired', 402],
  ['api key expired', 402],
  ['accessed ip is not in the whitelist', 406],
  ['signature verification failed', 602],
  ['verify failed', 602],
  ['account read permission is required', 701],
  ['account modify permission is required', 702],
  ['trade information read permission is required', 703],
  ['transaction information modify permission is required', 704],
  ['excessive frequency of requests', 510],
  ['too many requests', 429],
  ['temporarily unavailable', 11444],
  ['listen key information error', 730708],
  // The troubleshooting guide's own wording, which users paste from blog posts and bot logs.
  ['invalid signature', 700002],
  ['signature mismatch', 700002],
  ['signature is invalid', 700002],
  ['timestamp out of range', 700003],
  ['timestamp is out of range', 700003],
  ['outside of the recvwindow', 700003],
  ['outside the recvwindow', 700003],
  ['ip not in whitelist', 700006],
  ['ip not in the whitelist', 700006],
  ['ip is not in the whitelist', 700006],
  ['not in the ip whitelist', 700006],
  ['invalid api-key', 10072],
  ['invalid api key', 10072],
  ['invalid apikey', 10072],
  ['api key is invalid', 10072],
  ['permission denied', 700007],
];

/** Codes this tool knows by number (for finding a bare code in a paste). */
export const KNOWN_MEXC_CODES: ReadonlySet<number> = new Set([
  ...MESSAGE_CODES.map(([, c]) => c),
  10073,
  10001,
  500,
  501,
  513,
  600,
  601,
  603,
  700004,
]);

/** Normalises a message for matching: lowercase, trimmed, trailing `.`/`!` removed. */
export function normaliseMexcMessage(msg: string): string {
  return msg.slice(0, 2000).trim().toLowerCase().replace(/[.!\s]+$/, '');
}

export function codeForMessage(msg: string): number | undefined {
  const m = normaliseMexcMessage(msg);
  return MESSAGE_CODES.find(([fragment]) => m.includes(fragment))?.[1];
}

/** `IP [168.181.160.97] not in the ip white list` → `168.181.160.97` (mexc-api.md §3, 700006). */
export function parseWhitelistIp(msg: string): string | undefined {
  const match = /IP\s*\[([^\]]{1,64})\]/i.exec(msg.slice(0, 2000));
  return match?.[1]?.trim() || undefined;
}

/** `730708` and 730708 alike; undefined for non-numeric codes. */
export function parseMexcCode(code: number | string | undefined): number | undefined {
  if (code === undefined) return undefined;
  const text = String(code).trim();
  return /^-?\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function isSuccessCode(code: number): boolean {
  return code === 0 || code === 200;
}

interface MexcError {
  code?: number;
  rawCode?: number | string;
  msg?: string;
  futures: boolean;
}

/**
 * Maps one MEXC error (code and/or message) to a diagnosis and its specific facts.
 * The caller adds the common facts (code, message, endpoint, status).
 */
function diagnoseMexcError(err: MexcError): { id: DiagnosisId; facts: Facts } {
  const msg = err.msg ?? '';
  const code = err.code ?? codeForMessage(msg);
  const futures = err.futures || (code !== undefined && FUTURES_ONLY_CODES.has(code));
  const api: Facts = futures ? { api: 'futures' } : {};
  const lower = normaliseMexcMessage(msg);
  if (lower.includes('maintenance')) return { id: 'server-error', facts: { ...api, maintenance: true } };
  // MEXC documents no spot text for an expired key (mexc-api.md §3), so any answer that says
  // so in words wins over its code: "API key expired!", "apikey has expired", "Api_key expired".
  if (/\bapi[\s_-]?key\b.{0,40}\bexpired?\b|\bexpired\b.{0,40}\bapi[\s_-]?key\b/.test(lower)) return { id: 'key-expired', facts: api };
  switch (code) {
    case 700001:
    case 10072:
      return { id: 'key-invalid', facts: api };
    case 402:
      return { id: 'key-expired', facts: api };
    case 400:
      // Code 400 is documented only as "api key required"; another text is something else.
      return lower.includes('api key required') || !lower ? { id: 'key-header-missing', facts: api } : unknown(api);
    case 700002:
    case 602:
      return { id: 'signature-invalid', facts: api };
    case 700004: {
      // 700004 is MEXC's generic "mandatory parameter missing". Only the signature variant has
      // its own diagnosis; for any other parameter we keep the raw text and name the parameter,
      // because the fix is "send that parameter", not anything about keys or signing.
      const param = /(?:param(?:eter)?)\s+'([^']{1,64})'/i.exec(msg)?.[1];
      if (param === 'signature' || (!param && lower.includes('signature'))) return { id: 'signature-missing', facts: api };
      return unknown({ ...api, ...(param ? { missingParam: param } : {}), hint: 'missing-parameter' });
    }
    case 700003:
    case 513:
      return { id: 'timestamp-outside-recv-window', facts: api };
    case 700005:
      return { id: 'recv-window-too-large', facts: api };
    case 700006:
    case 406: {
      const ip = parseWhitelistIp(msg);
      return { id: 'ip-not-whitelisted', facts: { ...api, ...(ip ? { ip } : {}) } };
    }
    case 700007:
    case 30020:
    case 401:
      return { id: 'permission-denied', facts: api };
    case 701:
    case 702:
    case 703:
    case 704:
      return { id: 'permission-denied', facts: { ...api, permission: FUTURES_PERMISSIONS[code] ?? '' } };
    case 700008:
      return { id: 'illegal-characters', facts: api };
    case 700013:
      return { id: 'content-type-invalid', facts: api };
    case 10007:
    case 70011:
      return { id: 'symbol-not-api-enabled', facts: api };
    case 60005:
      return { id: 'account-abnormal', facts: api };
    case 429:
    case 510:
      return { id: 'rate-limited', facts: api };
    case 403:
      return { id: 'blocked', facts: api };
    case 11444:
    case 500:
    case 501:
    case 9999:
      return { id: 'server-error', facts: api };
    case 10073:
      // "invalid Request-Time": v2/futures-style signing sent to a v3 endpoint (mexc-api.md §7.9).
      return unknown({ ...api, hint: 'v2-style-request' });
    case 730708:
      return unknown({ ...api, hint: 'listen-key' });
    default:
      return unknown(api);
  }
}

function unknown(facts: Facts): { id: DiagnosisId; facts: Facts } {
  return { id: 'unknown-error', facts };
}

// ---------------------------------------------------------------------------------------------
// Observation → findings

interface BodyFacts {
  rawCode?: number | string;
  msg?: string;
  futures: boolean;
  isJson: boolean;
  failed: boolean;
}

/** Reads code/msg from the observation, falling back to the parsed JSON body. */
function readBody(obs: Observation): BodyFacts {
  const record = obs.json && typeof obs.json === 'object' && !Array.isArray(obs.json) ? (obs.json as Record<string, unknown>) : undefined;
  const jsonCode = record && (typeof record.code === 'number' || typeof record.code === 'string') ? record.code : undefined;
  const jsonMsg = record ? (typeof record.msg === 'string' ? record.msg : typeof record.message === 'string' ? record.message : undefined) : undefined;
  // Futures (contract v1) answers carry `success` and `message` (mexc-api.md §6).
  const futures = Boolean(record && 'success' in record);
  return {
    rawCode: obs.mexcCode ?? jsonCode,
    msg: obs.mexcMsg ?? jsonMsg,
    futures,
    isJson: obs.json !== undefined,
    failed: record?.success === false,
  };
}

function isHtml(obs: Observation): boolean {
  const type = obs.headers?.['content-type'] ?? '';
  const body = (obs.bodySnippet ?? '').slice(0, 200).trimStart().toLowerCase();
  return type.includes('html') || body.startsWith('<!doctype') || body.startsWith('<html') || body.startsWith('<');
}

function commonFacts(obs: Observation): Facts {
  const facts: Facts = {};
  if (obs.path) facts.endpoint = `${obs.method} ${obs.path}`;
  if (obs.status !== undefined) facts.httpStatus = obs.status;
  return facts;
}

function timingFacts(obs: Observation, ctx: ClassifyContext): Facts {
  const facts: Facts = {};
  const ts = obs.signed?.timestampMs ?? Number(/[?&]timestamp=(\d{1,16})/.exec(obs.url)?.[1] ?? NaN);
  if (Number.isFinite(ts)) {
    facts.timestampMs = ts;
    // A 10-digit value is seconds, not milliseconds (mexc-api.md §7.7).
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

function blockedFacts(obs: Observation): Facts {
  const facts: Facts = {};
  // Akamai writes the page with numeric entities: `Reference&#32;&#35;18&#46;…`.
  const body = (obs.bodySnippet ?? '').slice(0, 5000).replace(/&#(\d{1,5});/g, (_m, n: string) => String.fromCharCode(Number(n)));
  const reference = /Reference\s*#\s*([0-9A-Za-z.]{1,80})/.exec(body)?.[1];
  if (reference) facts.reference = reference;
  if (/access denied/i.test(body)) facts.pageTitle = 'Access Denied';
  const server = obs.headers?.server;
  if (server) facts.server = server;
  if (obs.headers?.['akamai-grn']) facts.cdn = 'Akamai';
  return facts;
}

/**
 * Classifies one exchange. Returns `[]` when the observation is a healthy MEXC answer.
 * `ctx.clockVerdict` ties a 700003 to the measured clock.
 */
export function classifyObservation(obs: Observation, ctx: ClassifyContext = {}): Cause[] {
  const common = commonFacts(obs);

  // A network error wins unless a complete MEXC JSON answer arrived first: a reset or a stalled
  // body after the status line is a transport problem, not the status it started with.
  if (obs.networkError && (obs.status === undefined || obs.json === undefined)) {
    const { code, message } = obs.networkError;
    const id = classifyNetworkError(code, message);
    return [{ id, facts: { ...common, errorCode: code, errorMessage: message.slice(0, 300) } }];
  }

  const body = readBody(obs);
  const code = parseMexcCode(body.rawCode);
  const knownByMessage = body.msg ? codeForMessage(body.msg) : undefined;
  const isError = body.failed || (code !== undefined && !isSuccessCode(code)) || (code === undefined && knownByMessage !== undefined);

  if (isError) {
    const { id, facts } = diagnoseMexcError({ code, rawCode: body.rawCode, msg: body.msg, futures: body.futures });
    const mexc: Facts = {};
    if (body.rawCode !== undefined) mexc.mexcCode = body.rawCode;
    if (body.msg !== undefined) mexc.mexcMsg = body.msg.slice(0, 500);
    const extra = id === 'timestamp-outside-recv-window' ? timingFacts(obs, ctx) : id === 'rate-limited' ? rateFacts(obs) : {};
    return [{ id, facts: { ...common, ...mexc, ...extra, ...facts } }];
  }

  const status = obs.status;
  if (status === undefined) return [];
  const snippet = (obs.bodySnippet ?? '').slice(0, 300);
  if (status === 429 || status === 418) return [{ id: 'rate-limited', facts: { ...common, ...rateFacts(obs) } }];
  if (status === 403 || status === 451) return [{ id: 'blocked', facts: { ...common, ...blockedFacts(obs) } }];
  if (status >= 500) {
    const maintenance = /maintenance/i.test((obs.bodySnippet ?? '').slice(0, 5000));
    return [{ id: 'server-error', facts: { ...common, ...(maintenance ? { maintenance: true } : {}) } }];
  }
  if (status >= 200 && status < 300) {
    if (body.isJson) return [];
    return [{ id: 'unexpected-response', facts: { ...common, ...unexpectedFacts(obs, snippet) } }];
  }
  if (status >= 300 && status < 400) return [{ id: 'unexpected-response', facts: { ...common, ...unexpectedFacts(obs, snippet) } }];
  if (!body.isJson || isHtml(obs)) return [{ id: 'unexpected-response', facts: { ...common, ...unexpectedFacts(obs, snippet) } }];
  return [{ id: 'unknown-error', facts: { ...common, ...(snippet ? { bodySnippet: snippet } : {}) } }];
}

function rateFacts(obs: Observation): Facts {
  const facts: Facts = {};
  if (obs.retryAfterSec !== undefined) facts.retryAfterSec = obs.retryAfterSec;
  if (obs.status === 418) facts.ipBanned = true;
  return facts;
}

function unexpectedFacts(obs: Observation, snippet: string): Facts {
  const facts: Facts = {};
  const type = obs.headers?.['content-type'];
  if (type) facts.contentType = type;
  const location = obs.headers?.location;
  if (location) facts.location = location.slice(0, 300);
  if (snippet) facts.bodySnippet = snippet.replace(/\s+/g, ' ').trim().slice(0, 200);
  return facts;
}
