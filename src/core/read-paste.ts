import { recogniseSuccess } from './answers.js';
import { renderDiagnosis } from './catalog/index.js';
import {
  announcementOf,
  classifyObservation,
  diagnosisForMessage,
  diagnosisForStatus,
  isSuccessCode,
  KNOWN_MEXC_CODES,
  matchMessage,
  MESSAGE_RULES,
  NETWORK_CODE_NAMES,
  NETWORK_TEXTS,
  parseMexcCode,
} from './classify.js';
import { shortenSignatureParam } from './redact.js';
import type { Diagnosis, Cause, FixContext, HttpMethod, Observation } from './types.js';

/**
 * Finds the MEXC error in whatever a user pastes (a JSON body, a ccxt/requests/httpx/axios/got
 * error line, a log, an HTML block page, a bare code or message) and turns it into Observations
 * for the one classifier. Work is capped: a 10 MB paste is cut to its head and tail, and every
 * regex is linear (bounded repetitions, no nested quantifiers).
 */

/** Head and tail kept from a huge paste: an error is at the start of a body or the end of a log. */
const KEEP_CHARS = 256 * 1024;
const MAX_ERRORS = 5;
const MAX_CODE_MATCHES = 200;

export type Extracted =
  | {
      kind: 'observation';
      observation: Observation;
      source: 'json' | 'message' | 'code' | 'network' | 'html' | 'http-status';
      /** The paste showed a page but no status; the status in the observation is a stand-in. */
      statusAssumed?: boolean;
    }
  /** A successful MEXC answer (nothing to fix); `endpoint` when its shape says which. */
  | { kind: 'success'; endpoint?: string; futures?: boolean }
  /** Text with no MEXC error in it (possibly an HTTP status without its body). */
  | { kind: 'unrecognized'; httpStatus?: number; endpoint?: string; excerpt: string };

/** Terminal colour and cursor sequences (CSI `ESC[…m`, OSC `ESC]…BEL`) that coloured logs carry. */
// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001B\[[0-9;?]{0,40}[ -/]{0,5}[@-~]|\u001B\][^\u0007\u001B]{0,2000}(?:\u0007|\u001B\\)/g;

/**
 * Caps the text, drops terminal colour sequences (util.inspect and loggers colour the code:
 * `code: ESC[33m700002ESC[39m`) and replaces other control bytes (binary garbage) with spaces.
 */
export function sanitizePaste(text: string): string {
  const capped = text.length > 2 * KEEP_CHARS ? `${text.slice(0, KEEP_CHARS)}\n…\n${text.slice(-KEEP_CHARS)}` : text;
  // eslint-disable-next-line no-control-regex
  return capped.replace(ANSI_SEQUENCE, '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g, ' ');
}

/** The first 200 characters on one line, for echoing back. */
export function excerptOf(text: string, max = 200): string {
  const line = text.slice(0, max * 4).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * Masks values assigned to secret-looking names (`secret: '…'`, `MEXC_SECRET_KEY=…`) before any
 * part of a paste is echoed back: people paste code with the secret in it.
 */
export function maskSecretAssignments(text: string): string {
  return text.replace(
    /((?:secret(?:_?key)?|api_?secret|secretKey|MEXC_SECRET(?:_KEY)?|MEXC_API_SECRET)["']?\s{0,5}[:=]\s{0,5}["']?)([^\s"',;}]{6,200})/gi,
    '$1[REDACTED]',
  );
}

function observation(partial: Partial<Observation>): Observation {
  return { method: 'GET', path: '', url: '', sentAtMs: 0, receivedAtMs: 0, ...partial };
}

// ---------------------------------------------------------------------------------------------
// Context found anywhere in the paste: endpoint, URL, status, Retry-After.

interface PasteContext {
  method?: HttpMethod;
  path?: string;
  url?: string;
  status?: number;
  retryAfterSec?: number;
}

const STATUS_PATTERNS: RegExp[] = [
  /\bstatus code (\d{3})\b/i, // axios: Request failed with status code 400
  /\bResponse code (\d{3})\b/i, // got: Response code 400 (Bad Request)
  /\b(\d{3}) (?:Client|Server) Error\b/, // requests: 400 Client Error: Bad Request for url
  /\b(?:Client|Server) error '(\d{3})/i, // httpx: Client error '400 Bad Request' for url
  /\bClientResponseError: (\d{3}), message=/, // aiohttp: ClientResponseError: 400, message='Bad Request', url=…
  /\bHTTP\/\d(?:\.\d)?\s+(\d{3})\b/, // raw status line
  /\bstatus(?:Code|_code)?["']?\s*[:=]\s*(\d{3})\b/, // statusCode: 400, "status": 429, status_code=400
  /\b(\d{3})\s+\(?(?:Too Many Requests|Forbidden|Bad Request|Unauthorized|Not Found|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|I'm a teapot|Proxy Authentication Required|Method Not Allowed)\b/i, // also a browser's "404 (Not Found)"
  /\bHTTP (?:status )?(\d{3})\b/i,
];

function readContext(text: string): PasteContext {
  const ctx: PasteContext = {};
  const url = /https?:\/\/[^\s"'<>]{1,2000}/.exec(text)?.[0];
  if (url) ctx.url = shortenSignatureParam(url);
  const endpoint = /\/api\/v[13]\/[A-Za-z0-9_/]{1,100}/.exec(text);
  if (endpoint) {
    ctx.path = endpoint[0];
    const before = text.slice(Math.max(0, endpoint.index - 250), endpoint.index);
    const methods = before.match(/\b(?:GET|POST|PUT|DELETE)\b/g);
    const method = methods?.[methods.length - 1] as HttpMethod | undefined;
    if (method) ctx.method = method;
  }
  for (const pattern of STATUS_PATTERNS) {
    const status = Number(pattern.exec(text)?.[1]);
    if (status >= 100 && status <= 599) {
      ctx.status = status;
      break;
    }
  }
  const retry = /retry-after["']?\s*[:=]\s*["']?(\d{1,6})/i.exec(text)?.[1];
  if (retry) ctx.retryAfterSec = Number(retry);
  return ctx;
}

function withContext(ctx: PasteContext, partial: Partial<Observation>): Observation {
  return observation({
    ...(ctx.method ? { method: ctx.method } : ctx.path ? { methodGuessed: true } : {}),
    ...(ctx.path ? { path: ctx.path } : {}),
    ...(ctx.url ? { url: ctx.url } : {}),
    ...(ctx.status !== undefined ? { status: ctx.status } : {}),
    ...(ctx.retryAfterSec !== undefined ? { retryAfterSec: ctx.retryAfterSec } : {}),
    ...partial,
  });
}

// ---------------------------------------------------------------------------------------------
// MEXC JSON-ish bodies: `"code":700002`, `'code': 700002`, `code: 700002`, `\"code\":…`.

const CODE_FIELD = /(["'])?\bcode\\?["']?\s{0,5}[:=]\s{0,5}\\?(["']?)(-?\d{1,9})\b/g;
const MSG_FIELD =
  /\b(msg|message)\\?["']?\s{0,5}[:=]\s{0,5}(?:\\"((?:[^"\\]|\\[^"]){0,500})\\"|"((?:[^"\\\n]|\\.){0,500})"|'((?:[^'\\\n]|\\.){0,500})')/g;
const SUCCESS_FALSE = /\bsuccess\\?["']?\s{0,5}[:=]\s{0,5}(?:false|False)\b/;

/** Undoes the quoting of the three shapes MSG_FIELD matches: \"…\", "…" (JSON) and '…' (Python/JS). */
function unquote(m: RegExpExecArray): string {
  if (m[2] !== undefined) return m[2].replace(/\\\\/g, '\\');
  if (m[3] !== undefined) {
    try {
      return JSON.parse(`"${m[3]}"`) as string;
    } catch {
      return m[3];
    }
  }
  return (m[4] ?? '').replace(/\\'/g, "'");
}

/** The message field nearest to a code field (same object in practice), within 400 chars. */
function nearestMessage(text: string, at: number): { msg: string; field: string } | undefined {
  const from = Math.max(0, at - 400);
  const window = text.slice(from, at + 400);
  let best: { msg: string; field: string; distance: number } | undefined;
  MSG_FIELD.lastIndex = 0;
  for (let m = MSG_FIELD.exec(window); m; m = MSG_FIELD.exec(window)) {
    const distance = Math.abs(from + m.index - at);
    if (!best || distance < best.distance) best = { msg: unquote(m), field: m[1] ?? 'msg', distance };
  }
  return best;
}

/**
 * A known message on the rest of the code's line, when no msg/message field carries one; any
 * text after pymexc's `MexcAPIError: (code=602): Signature verification failed!`, whose shape
 * says it is the message (https://github.com/makarworld/pymexc/blob/master/pymexc/base.py).
 */
function messageAfter(text: string, from: number, anyText = false): { msg: string; field: string } | undefined {
  const end = text.indexOf('\n', from);
  const rest = text.slice(from, end < 0 ? Math.min(text.length, from + 300) : Math.min(end, from + 300)).replace(/^[\s)\]}:,'"-]+/, '').trim();
  return rest && (anyText || diagnosisForMessage(rest)) ? { msg: rest, field: 'msg' } : undefined;
}

function jsonErrors(text: string, ctx: PasteContext): Observation[] {
  const found: Observation[] = [];
  CODE_FIELD.lastIndex = 0;
  let matches = 0;
  for (let m = CODE_FIELD.exec(text); m && matches < MAX_CODE_MATCHES; m = CODE_FIELD.exec(text), matches++) {
    const keyQuoted = m[1] !== undefined;
    const quoted = m[2] !== '';
    const digits = m[3] ?? '';
    const code = parseMexcCode(digits);
    if (code === undefined) continue;
    const near = text.slice(Math.max(0, m.index - 300), m.index + 300);
    const futuresFailure = SUCCESS_FALSE.test(near);
    if ((code === 0 || code === 200) && !futuresFailure) continue;
    // `APIError(code=-1022): Signature for this request is not valid.`: the message follows the code on its line.
    const after = m.index + m[0].length;
    const pymexc = text[m.index - 1] === '(' && text.startsWith('):', after);
    const message = nearestMessage(text, m.index) ?? messageAfter(text, after, pymexc);
    // `exited with code: 1` in a log is not MEXC: require a JSON-ish key, a message, or a known code.
    if (!keyQuoted && !message && !futuresFailure && !KNOWN_MEXC_CODES.has(code)) continue;
    const rawCode: number | string = quoted ? digits : code;
    const json: Record<string, unknown> = { code: rawCode };
    if (message) json[message.field === 'message' ? 'message' : 'msg'] = message.msg;
    if (futuresFailure) json.success = false;
    // PHP's json_encode (and some loggers) write the URL's slashes as `\/`.
    const announcement = announcementOf(/["']announcement\\?["']\s{0,5}:\s{0,5}\\?["']((?:\\\/|[^"'\\\s]){1,300})/.exec(near)?.[1]?.replace(/\\\//g, '/'));
    if (announcement) json.announcement = announcement;
    found.push(withContext(ctx, { json, mexcCode: rawCode, ...(message ? { mexcMsg: message.msg } : {}) }));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Known messages without a code, network errors, HTML pages, bare codes.

/**
 * The first known MEXC message in the text, cut to the message itself: from the fragment to the
 * end of its sentence, plus a preceding `IP [1.2.3.4]` (700006 puts the IP before the words).
 */
function messageError(text: string, lower: string, ctx: PasteContext): Observation | undefined {
  let at = -1;
  let length = 0;
  for (const rule of MESSAGE_RULES) {
    const m = matchMessage(rule, lower);
    if (m && (at < 0 || m.index < at || (m.index === at && m.length > length))) {
      at = m.index;
      length = m.length;
    }
  }
  if (at < 0) return undefined;
  const before = text.slice(Math.max(0, at - 80), at);
  const ip = /IP\s*\[[^\]\n]{1,64}\]\s*$/.exec(before);
  const start = ip ? at - ip[0].length : at;
  const rest = text.slice(at + length, at + length + 150);
  const stop = rest.search(/["'}\n\r]|[.!](?:\s|$)/);
  const end = at + length + (stop < 0 ? rest.length : stop + (/[.!]/.test(rest[stop] ?? '') ? 1 : 0));
  return withContext(ctx, { mexcMsg: text.slice(start, end).trim() });
}

/** Node error codes in a stack trace (every code the catalog reads, plus the TLS families). */
const NETWORK_CODE_IN_TEXT = new RegExp(`\\b(${[...NETWORK_CODE_NAMES].join('|')}|ERR_TLS_[A-Z_]{1,40}|ERR_SSL_[A-Z_]{1,60}|ERR_CERT_[A-Z_]{1,40})\\b`);

/** A network failure as other stacks print it: the catalog's texts, each standing for its diagnosis. */
const NETWORK_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [NETWORK_CODE_IN_TEXT, ''],
  ...NETWORK_TEXTS.map((t) => [t.pattern, ''] as const),
];

/**
 * The paste without stack frames: Python's `File "…", line N` and the source line under it, and
 * JS/Java `at …` frames. Their words (`timeout=int(self.timeout / 1000)`, `urllib3/util/timeout.py`)
 * are code, not the error.
 */
function withoutStackFrames(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*File "[^"\n]{0,500}", line \d+/.test(line)) {
      const next = lines[i + 1];
      if (next !== undefined && /^\s/.test(next) && !/^\s*File "/.test(next) && !/^\s*(?:\^|~)+\s*$/.test(next)) i++;
      continue;
    }
    if (/^\s+at\s+\S/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

function networkError(fullText: string, ctx: PasteContext): Observation | undefined {
  const text = withoutStackFrames(fullText);
  for (const [pattern, code] of NETWORK_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const message = text.slice(Math.max(lineStart, m.index - 150), Math.min(lineEnd < 0 ? text.length : lineEnd, m.index + 150)).trim();
    const { status: _ignored, ...noStatus } = ctx;
    return withContext(noStatus, { networkError: { code: code || (m[1] ?? m[0]), message } });
  }
  return undefined;
}

function htmlPage(text: string, lower: string, ctx: PasteContext): Observation | undefined {
  const at = lower.search(/<!doctype html|<html|<head>|<body|<title>/);
  if (at < 0) return undefined;
  const page = text.slice(at, at + 5000);
  const denied = /access denied|reference\s*#|403 forbidden/i.test(page);
  const titleStatus = Number(/<title>\s*(\d{3})\b/i.exec(page)?.[1]);
  const status = ctx.status ?? (denied ? 403 : titleStatus >= 400 ? titleStatus : undefined);
  return withContext(ctx, { ...(status !== undefined ? { status } : {}), headers: { 'content-type': 'text/html' }, bodySnippet: page });
}

/** `700003`, `"700003"`, `code 700003.` — the whole paste is one number. */
function bareCode(trimmed: string, ctx: PasteContext): Extracted | undefined {
  const m = /^["'`]?(-?\d{1,9})["'`]?\.?$/.exec(trimmed);
  if (!m?.[1]) return undefined;
  const n = Number(m[1]);
  // A lone 400 is far more likely an HTTP status than MEXC's "api key required" code.
  if (n === 400) return { kind: 'unrecognized', httpStatus: 400, excerpt: trimmed };
  if (n >= 100 && n <= 599 && !KNOWN_MEXC_CODES.has(n)) {
    return { kind: 'observation', observation: withContext(ctx, { status: n }), source: 'http-status' };
  }
  return { kind: 'observation', observation: withContext(ctx, { mexcCode: n }), source: 'code' };
}

/** A known 5–6 digit MEXC code mentioned in prose: "failed with error 700003". */
function mentionedCode(text: string, ctx: PasteContext): Observation | undefined {
  const pattern = /\b(\d{5,6})\b/g;
  let checked = 0;
  for (let m = pattern.exec(text); m && checked < 1000; m = pattern.exec(text), checked++) {
    const n = Number(m[1]);
    if (n >= 10000 && KNOWN_MEXC_CODES.has(n)) return withContext(ctx, { mexcCode: n });
  }
  return undefined;
}

function dedupeKey(obs: Observation): string {
  return `${obs.mexcCode ?? ''}|${(obs.mexcMsg ?? '').toLowerCase()}|${obs.networkError?.code ?? ''}|${obs.status ?? ''}`;
}

/** Every distinct MEXC error found in the paste (at most 5), or why there is none. */
export function extractErrors(input: string): Extracted[] {
  const text = sanitizePaste(input);
  const trimmed = text.trim();
  const excerpt = excerptOf(shortenSignatureParam(maskSecretAssignments(trimmed.slice(0, 4000))));
  if (!trimmed) return [{ kind: 'unrecognized', excerpt: '' }];
  const ctx = readContext(text);
  const lower = text.toLowerCase();

  const bare = bareCode(trimmed, ctx);
  if (bare) return [bare];

  const json = jsonErrors(text, ctx);
  if (json.length) {
    const seen = new Set<string>();
    return json
      .filter((o) => (seen.has(dedupeKey(o)) ? false : (seen.add(dedupeKey(o)), true)))
      .slice(0, MAX_ERRORS)
      .map((observation) => ({ kind: 'observation' as const, observation, source: 'json' as const }));
  }
  const message = messageError(text, lower, ctx);
  const html = htmlPage(text, lower, ctx);
  // Words inside an error page ("Access Denied" in Akamai's 403) are read with the page, which
  // says more (its status, title and reference) than the words alone.
  const inPage = Boolean(message?.mexcMsg && html?.status !== undefined && html.bodySnippet?.includes(message.mexcMsg));
  if (message && !inPage) return [{ kind: 'observation', observation: message, source: 'message' }];
  if (html && html.status !== undefined) return [{ kind: 'observation', observation: html, source: 'html' }];
  const network = networkError(text, ctx);
  if (network) return [{ kind: 'observation', observation: network, source: 'network' }];
  if (html) return [{ kind: 'observation', observation: { ...html, status: 200 }, source: 'html', statusAssumed: true }];
  const mentioned = mentionedCode(text, ctx);
  if (mentioned) return [{ kind: 'observation', observation: mentioned, source: 'code' }];
  // A success body next to an HTTP error status is not a success.
  const success = ctx.status === undefined || ctx.status < 400 ? pastedSuccess(trimmed) : undefined;
  if (success) return [success];
  // A status alone is enough when the catalog reads it (403, 404, 407, 418, 429, 5xx…); a bare
  // 400 or 401 needs the body to say why.
  if (ctx.status !== undefined && diagnosisForStatus(ctx.status) !== undefined) {
    return [{ kind: 'observation', observation: withContext(ctx, {}), source: 'http-status' }];
  }
  return [
    {
      kind: 'unrecognized',
      ...(ctx.status !== undefined ? { httpStatus: ctx.status } : {}),
      ...(ctx.path ? { endpoint: ctx.method ? `${ctx.method} ${ctx.path}` : ctx.path } : {}),
      excerpt,
    },
  ];
}

/**
 * A pasted answer that is MEXC's success (`{}`, `{"serverTime":…}`, an account, `{"code":200,…}`,
 * `{"success":true,"code":0,…}`): there is nothing to fix.
 */
function pastedSuccess(trimmed: string): Extracted | undefined {
  const json = trailingJson(trimmed);
  if (json === undefined) return undefined;
  const recognised = recogniseSuccess(json);
  if (recognised) return { kind: 'success', ...(recognised.endpoint ? { endpoint: recognised.endpoint } : {}), ...(recognised.futures ? { futures: true } : {}) };
  const record = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const code = parseMexcCode(typeof record?.code === 'number' || typeof record?.code === 'string' ? record.code : undefined);
  const msg = typeof record?.msg === 'string' ? record.msg : typeof record?.message === 'string' ? record.message : '';
  if (code !== undefined && isSuccessCode(code) && record?.success !== false && !diagnosisForMessage(msg)) return { kind: 'success' };
  return undefined;
}

/** Words that make a text around a JSON value an error report, whatever the value is. */
const ERROR_WORDS = /error|fail|exception|invalid|denied|refused|reject|traceback/i;

/**
 * The JSON value that ends the paste: from its first bracket, or (in a line that reports no
 * error) from a later one, as in ccxt's verbose `fetch Response: mexc GET … 200 {headers} {body}`.
 */
function trailingJson(trimmed: string): unknown {
  const to = Math.max(trimmed.lastIndexOf('}'), trimmed.lastIndexOf(']'));
  const starts = /[[{]/g;
  let tries = 0;
  for (let m = starts.exec(trimmed); m && m.index <= 2000 && m.index < to && tries < 20; m = starts.exec(trimmed), tries++) {
    if (tries > 0 && ERROR_WORDS.test(trimmed.slice(0, m.index))) return undefined;
    const json = parseJsonOrPythonRepr(trimmed.slice(m.index, to + 1));
    if (json !== undefined) return json;
  }
  return undefined;
}

/**
 * JSON, or a Python dict/list as `print(response.json())` shows it (`{'serverTime': 1714530000000}`,
 * True/False/None): the shape python bots log. Only a repr without double quotes is converted, so
 * no quoting inside a string can be mangled.
 */
function parseJsonOrPythonRepr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (text.includes('"') || !text.includes("'") || text.includes('\\')) return undefined;
    try {
      return JSON.parse(text.replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'null')) as unknown;
    } catch {
      return undefined;
    }
  }
}

/** One extracted error as findings: unrecognised text becomes unknown-error with the excerpt; a success answer none. */
export function findingsFor(e: Extracted): Cause[] {
  if (e.kind === 'success') return [];
  if (e.kind === 'unrecognized') {
    const facts: Cause['facts'] = {};
    if (e.httpStatus !== undefined) {
      facts.httpStatus = e.httpStatus;
      facts.hint = 'body-needed';
    }
    if (e.endpoint) facts.endpoint = e.endpoint;
    if (e.excerpt) facts.rawText = e.excerpt;
    return [{ id: 'unknown-error', facts }];
  }
  const findings = classifyObservation(e.observation);
  if (e.statusAssumed) for (const f of findings) delete f.facts.httpStatus;
  return findings;
}

export interface PasteDiagnosis {
  /** False when no MEXC error was found (the one diagnosis is then unknown-error with the text). */
  recognised: boolean;
  /** One per diagnosis id, in the order found; empty for a MEXC answer without an error. */
  diagnoses: Diagnosis[];
  /** Set when the paste is a successful MEXC answer: which endpoint's, when its shape says so. */
  success?: { endpoint?: string; futures?: boolean };
}

/** The whole `explain` pipeline for any front end: paste → extracted errors → diagnoses. */
export function diagnosePaste(text: string, ctx: FixContext): PasteDiagnosis {
  const extracted = extractErrors(text);
  const seen = new Set<string>();
  const findings = extracted.flatMap(findingsFor).filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
  const success = extracted.find((e): e is Extract<Extracted, { kind: 'success' }> => e.kind === 'success');
  return {
    recognised: extracted.some((e) => e.kind !== 'unrecognized'),
    diagnoses: findings.map((f) => renderDiagnosis(f, ctx)),
    ...(success ? { success: { ...(success.endpoint ? { endpoint: success.endpoint } : {}), ...(success.futures ? { futures: true } : {}) } } : {}),
  };
}
