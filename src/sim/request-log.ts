/**
 * The simulator's request log (issue #15): one entry per request, in arrival order, rendered as
 * a terminal line and as a JSON line for `sim --log FILE`. What was wrong with a request comes
 * from a findings source (the signature lab for spot requests, see request-findings.ts), so
 * other kinds of request can plug in their own.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { maskKey, redactSecrets, shortenHex } from '../core/redact.js';
import type { SimResponse } from './errors.js';
import type { ScenarioName } from './scenarios.js';

/** A request as the simulator received it: bytes, not an interpretation. */
export interface ReceivedRequest {
  receivedAtMs: number;
  method: string;
  path: string;
  /** Query string as received, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Header names and values in received order and spelling (IncomingMessage.rawHeaders). */
  rawHeaders: readonly string[];
  /** Empty when the body could not be read. */
  body: Buffer;
}

export interface FindingsContext {
  /** The secret the client was given: the lab judges the request with it. */
  clientSecret: string;
  /** The key the simulator accepts. */
  apiKey: string;
  scenario: ScenarioName;
  /** The simulator's clock when the request was answered. */
  serverTimeMs: number;
}

export interface RequestFindings {
  /** Finding ids (the lab's for a signed request); empty when nothing was judged. */
  ids: string[];
  /** One sentence: what to change, or why the simulator answered this way. */
  fix?: string;
}

/**
 * Judges one answered request; `response` is undefined when none was sent (held by the
 * `timeout` scenario, or the client went away). Undefined: not a request of this source's kind.
 */
export type FindingsSource = (req: ReceivedRequest, response: SimResponse | undefined, ctx: FindingsContext) => RequestFindings | undefined;

/** The first source that recognises the request judges it. */
export function firstFindings(...sources: FindingsSource[]): FindingsSource {
  return (req, response, ctx) => {
    for (const source of sources) {
      const found = source(req, response, ctx);
      if (found) return found;
    }
    return undefined;
  };
}

/** One line of `sim --log`: the first six fields are the contract (issue #15, README "Test your bot offline"). */
export interface RequestLogEntry {
  /** Arrival time, ISO 8601 UTC. */
  time: string;
  method: string;
  /** Path without the query; the key masked, secrets removed. */
  path: string;
  /** null: never answered. */
  status: number | null;
  /** MEXC `code` of the answer; null when it had none. */
  code: number | string | null;
  findings: string[];
  fix?: string;
  /** `msg` (or `message`) of the answer, when it had one. */
  msg?: string;
  /** The query string with the signature shortened, the key masked and secrets removed. */
  query?: string;
  /** X-MEXC-APIKEY (or the futures ApiKey) as sent, masked. */
  key?: string;
}

export interface RequestLogOptions {
  findings: FindingsSource;
  context: () => FindingsContext;
  /** Every secret that must never reach the log (the client's and the one the server verifies with). */
  secrets: () => ReadonlyArray<string>;
  /** Called once per request, in arrival order. */
  onEntry: (entry: RequestLogEntry) => void;
}

export interface PendingRequest {
  /** Completes the entry; later calls are ignored, so a `finally` can always call it. */
  finish(body: Buffer | undefined, response: SimResponse | undefined): void;
}

type Arrival = Omit<ReceivedRequest, 'body'>;

/**
 * Entries leave in arrival order: an answer that finishes early (no latency, a short body)
 * waits for the requests that arrived before it.
 */
export function createRequestLog(opts: RequestLogOptions): { arrive(req: Arrival): PendingRequest } {
  const ready = new Map<number, RequestLogEntry>();
  let nextSeq = 0;
  let flushSeq = 0;

  const flush = (): void => {
    for (let entry = ready.get(flushSeq); entry; entry = ready.get(flushSeq)) {
      ready.delete(flushSeq++);
      opts.onEntry(entry);
    }
  };

  return {
    arrive(arrival) {
      const seq = nextSeq++;
      let done = false;
      return {
        finish(body, response) {
          if (done) return;
          done = true;
          ready.set(seq, buildEntry({ ...arrival, body: body ?? Buffer.alloc(0) }, response, opts));
          flush();
        },
      };
    },
  };
}

function buildEntry(req: ReceivedRequest, response: SimResponse | undefined, opts: RequestLogOptions): RequestLogEntry {
  const ctx = opts.context();
  let found: RequestFindings | undefined;
  try {
    found = opts.findings(req, response, ctx);
  } catch {
    // A bug in a findings source must not take the simulator down or hold the log back.
    found = { ids: [], fix: 'The request log could not analyse this request (an internal error in mexc-wizard).' };
  }
  const sentKey = headerValue(req.headers['x-mexc-apikey']) ?? headerValue(req.headers.apikey);
  const clean = cleaner(opts.secrets(), [ctx.apiKey, sentKey]);
  const msg = response ? answerMessage(response) : undefined;
  return {
    time: new Date(req.receivedAtMs).toISOString(),
    method: req.method,
    path: clean(req.path),
    status: response?.status ?? null,
    code: response?.code ?? null,
    findings: found?.ids ?? [],
    ...(found?.fix ? { fix: clean(found.fix) } : {}),
    ...(msg ? { msg: clean(msg) } : {}),
    ...(req.rawQuery ? { query: clean(shortenSignatures(req.rawQuery)) } : {}),
    ...(sentKey ? { key: clean(maskKey(sentKey)) } : {}),
  };
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

/** Removes the secrets and masks the keys wherever a client put them (path, query, text). */
function cleaner(secrets: ReadonlyArray<string>, keys: ReadonlyArray<string | undefined>): (text: string) => string {
  const masks = keys.filter((k): k is string => k !== undefined && k.length > 8);
  return (text) => {
    let out = redactSecrets(text, secrets);
    for (const key of masks) out = out.split(key).join(maskKey(key));
    return out;
  };
}

/** Spot v3's `signature`, and v2's `sign` (a bot on the old API sends that). */
const SIGNATURE_PARAMS = new Set(['signature', 'sign']);

/** `signature=fd3e…837a`: enough to tell two signatures apart, never the value itself. */
export function shortenSignatures(rawQuery: string): string {
  return rawQuery
    .split('&')
    .map((segment) => {
      const eq = segment.indexOf('=');
      if (eq < 0 || !SIGNATURE_PARAMS.has(segment.slice(0, eq))) return segment;
      const value = segment.slice(eq + 1);
      return `${segment.slice(0, eq + 1)}${value.length <= 12 ? (value ? '…' : '') : shortenHex(value)}`;
    })
    .join('&');
}

const MAX_MSG_CHARS = 200;

/** `msg` of a spot error, `message` of a maintenance page; nothing for HTML or success bodies. */
function answerMessage(response: SimResponse): string | undefined {
  if (response.code === undefined || !/json/i.test(response.headers['content-type'] ?? '')) return undefined;
  try {
    const parsed = JSON.parse(response.body) as { msg?: unknown; message?: unknown };
    const text = typeof parsed.msg === 'string' ? parsed.msg : typeof parsed.message === 'string' ? parsed.message : undefined;
    return text?.slice(0, MAX_MSG_CHARS);
  } catch {
    return undefined;
  }
}

// ---- rendering ----

/**
 * Control characters (C0, DEL, C1) and the Unicode line and bidi controls shown as escapes, so
 * a request cannot move the cursor, recolour or reorder the simulator's terminal.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const MAX_PATH_CHARS = 120;

function shortPath(path: string): string {
  return path.length > MAX_PATH_CHARS ? `${path.slice(0, MAX_PATH_CHARS - 3)}...` : path;
}

function localClock(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * `14:02:11.532 GET /api/v3/account → 400 700002 param-order-differs — You signed …`: the
 * local arrival time, then what happened and, for a refusal, what to change.
 */
export function terminalLine(entry: RequestLogEntry): string {
  const status = entry.status === null ? 'no answer' : String(entry.status);
  // A futures success carries code 0: like a spot success, it needs no code on the line.
  const success = entry.status === 200 && String(entry.code) === '0';
  const code = entry.code !== null && String(entry.code) !== status && !success ? ` ${entry.code}` : '';
  const ids = entry.findings.length > 0 ? ` ${entry.findings.join(' ')}` : '';
  const tail = entry.fix ? ` — ${entry.fix}` : entry.msg && entry.status !== 200 ? ` — "${entry.msg}"` : '';
  return visible(`${localClock(entry.time)} ${entry.method} ${shortPath(entry.path)} → ${status}${code}${ids}${tail}`);
}

/**
 * One JSON object and a newline. JSON escapes C0 controls itself; C1 and the Unicode line and
 * bidi controls are escaped too, so `tail -f` on the file is as safe as the terminal.
 */
export function jsonLine(entry: RequestLogEntry): string {
  const json = JSON.stringify(entry).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}
