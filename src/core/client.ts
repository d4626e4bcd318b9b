import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import got, { type Got, type Response, RequestError } from 'got';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { checkBaseUrl, INSECURE_HTTP_FLAG, isInsecureRemote } from './base-url.js';
import { assertAllowedRequest } from './endpoints.js';
import { buildQueryString, toParams, type ParamValue, type Params } from './encoding.js';
import { FUTURES_DEFAULT_RECV_WINDOW_SEC, signFuturesRequest, type FuturesParamValue } from './futures-signing.js';
import { proxyForUrl } from './proxy.js';
import { maskKey, redactSecrets, shortenSignatureParam } from './redact.js';
import { DEFAULT_RECV_WINDOW_MS, signRequest } from './signing.js';
import { mapStrings, terminalSafe } from './terminal-text.js';
import type { HttpMethod, Observation, Timings } from './types.js';

import { DEFAULT_TIMEOUT_MS } from './defaults.js';

export { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from './defaults.js';
/** Bodies beyond this are cut off: a diagnosis never needs more, and a 10 MB page must not stall us. */
const MAX_BODY_BYTES = 1_000_000;
const BODY_SNIPPET_CHARS = 2000;

export interface ClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  apiKey?: string;
  secret?: string;
  recvWindowMs?: number;
  /** Local wall clock (ms). */
  now: () => number;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  /** Injected DNS lookup (tests simulate DNS failures with it). */
  dnsLookup?: LookupFunction;
  /** Extra response headers to keep besides the defaults. */
  userAgent?: string;
  /** Signed requests over plain http:// to a host that is not loopback (`--allow-insecure-http`). */
  allowInsecureHttp?: boolean;
}

/** A signed request would go over plain http to another machine without the user's say-so. */
export class InsecureTransportError extends Error {
  constructor(baseUrl: string) {
    super(`Refusing to send a signed request to ${new URL(baseUrl).origin} over plain http (the key and a replayable signature would travel in clear); pass ${INSECURE_HTTP_FLAG} to allow it.`);
  }
}

export interface SignedCallOptions {
  /** Added to local time to get MEXC time; 0 signs with local time, as a user's bot would. */
  serverOffsetMs?: number;
  recvWindowMs?: number;
}

/**
 * The one request core every step uses. Never throws for network or HTTP failures: each
 * exchange comes back as an Observation for the classifier. Retries are off, because the
 * diagnosis decides what to retry (a signed request is never retried blindly).
 */
export class MexcClient {
  readonly baseUrl: string;
  readonly proxy: string | undefined;
  private readonly http: Got;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(private readonly opts: ClientOptions) {
    // The command line checks this first, with a friendlier message; this guards every other caller.
    const base = checkBaseUrl(opts.baseUrl, 'The base URL', { allowInsecureHttp: true });
    if (!base.ok) throw new Error(`${base.problem} ${base.hint}`);
    this.baseUrl = base.baseUrl;
    this.proxy = proxyForUrl(this.baseUrl, opts.env ?? {});
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const agentOptions = { keepAlive: true, maxSockets: 16 };
    this.agents = this.proxy
      ? {
          http: new HttpProxyAgent({ ...agentOptions, proxy: this.proxy }),
          https: new HttpsProxyAgent({ ...agentOptions, proxy: this.proxy }),
        }
      : { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
    this.http = got.extend({
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'text',
      decompress: true,
      timeout: {
        // Below the request timeout, so a lookup that never answers is reported as DNS.
        lookup: Math.min(Math.floor(timeoutMs * 0.8), 5000),
        connect: timeoutMs,
        secureConnect: timeoutMs,
        response: timeoutMs,
        request: timeoutMs,
      },
      agent: this.agents,
      headers: { 'user-agent': opts.userAgent ?? 'mexc-wizard' },
      ...(opts.dnsLookup ? { dnsLookup: opts.dnsLookup } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  get hasCredentials(): boolean {
    return Boolean(this.opts.apiKey && this.opts.secret);
  }

  /** Unsigned GET of a public endpoint. */
  publicGet(path: string, params: Params | Record<string, ParamValue | undefined> = []): Promise<Observation> {
    const query = buildQueryString(toParams(params));
    return this.send('GET', path, query, '', {});
  }

  /** A signed request: params in the query string, signature last, key in `X-MEXC-APIKEY`. */
  signed(
    method: HttpMethod,
    path: string,
    params: Params | Record<string, ParamValue | undefined> = [],
    call: SignedCallOptions = {},
  ): Promise<Observation> {
    if (isInsecureRemote(this.baseUrl) && !this.opts.allowInsecureHttp) return Promise.reject(new InsecureTransportError(this.baseUrl));
    const recvWindowMs = call.recvWindowMs ?? this.opts.recvWindowMs ?? DEFAULT_RECV_WINDOW_MS;
    const signed = signRequest({
      secret: this.opts.secret ?? '',
      params,
      nowMs: this.opts.now(),
      serverOffsetMs: call.serverOffsetMs ?? 0,
      recvWindowMs,
    });
    const headers: Record<string, string> = { 'X-MEXC-APIKEY': this.opts.apiKey ?? '' };
    return this.send(method, path, signed.query, '', headers, {
      stringToSign: signed.stringToSign,
      timestampMs: signed.timestampMs,
      recvWindowMs,
    });
  }

  /**
   * A signed futures (contract) GET: key, time and signature in the ApiKey, Request-Time and
   * Signature headers (core/futures-signing.ts), `Language: English` so that MEXC's messages
   * come in English (docs/mexc-api.md §6). The string signed is recorded with the key shown as
   * [ApiKey]: it starts with the whole key.
   */
  futuresSigned(
    method: 'GET',
    path: string,
    params: Readonly<Record<string, FuturesParamValue>> = {},
    call: SignedCallOptions & { recvWindowSec?: number } = {},
  ): Promise<Observation> {
    const apiKey = this.opts.apiKey ?? '';
    const signed = signFuturesRequest({
      apiKey,
      secret: this.opts.secret ?? '',
      method,
      params,
      nowMs: this.opts.now() + (call.serverOffsetMs ?? 0),
      ...(call.recvWindowSec !== undefined ? { recvWindowSec: call.recvWindowSec } : {}),
    });
    const requestTime = Number(signed.headers['Request-Time']);
    return this.send(method, path, signed.query, '', { ...signed.headers, Language: 'English' }, {
      stringToSign: `[ApiKey]${requestTime}${signed.paramString}`,
      timestampMs: requestTime,
      recvWindowMs: (call.recvWindowSec ?? FUTURES_DEFAULT_RECV_WINDOW_SEC) * 1000,
    });
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async send(
    method: HttpMethod,
    path: string,
    query: string,
    body: string,
    headers: Record<string, string>,
    signedInfo?: Observation['signed'],
  ): Promise<Observation> {
    const url = `${this.baseUrl}${path}${query ? `?${query}` : ''}`;
    assertAllowedRequest(method, this.baseUrl, url);
    // MEXC rejects POST/PUT/DELETE without a JSON content type (700013, since 2024-02-22).
    if (method !== 'GET') headers['Content-Type'] = 'application/json';
    const sentAtMs = this.opts.now();
    // got stamps its timings with Date.now(); this maps them onto the injected clock.
    const clockShiftMs = sentAtMs - Date.now();
    const base: Observation = {
      method,
      path,
      url: this.clean(shortenSignatureParam(url)),
      sentAtMs,
      receivedAtMs: sentAtMs,
      ...(signedInfo ? { signed: signedInfo } : {}),
    };
    const request = this.http(url, { method, headers, ...(method !== 'GET' ? { body } : {}) });
    let tooBig = false;
    const partial = watchBody(request);
    request.on('downloadProgress', (progress) => {
      if (progress.transferred > MAX_BODY_BYTES) {
        tooBig = true;
        request.cancel();
      }
    });
    try {
      const response = (await request) as Response<string>;
      const receivedAtMs = this.opts.now();
      return { ...base, ...this.describeResponse(response), receivedAtMs, ...wireWindow(response, clockShiftMs) };
    } catch (error) {
      const receivedAtMs = this.opts.now();
      if (tooBig) {
        return {
          ...base,
          receivedAtMs,
          networkError: { code: 'ERR_BODY_TOO_LARGE', message: `The response was larger than ${MAX_BODY_BYTES} bytes.` },
        };
      }
      return { ...base, receivedAtMs, networkError: this.describeError(error), ...this.partialResponse(error, partial) };
    }
  }

  private describeResponse(response: Response<string>): Partial<Observation> {
    const headers = mapStrings(pickHeaders(response.headers), (v) => this.clean(v));
    const bodyText = response.body ?? '';
    const obs: Partial<Observation> = {
      status: response.statusCode,
      headers,
      bodySnippet: this.clean(bodyText.slice(0, BODY_SNIPPET_CHARS), { multiline: true }),
      bodyBytes: Buffer.byteLength(bodyText),
      timings: phaseTimings(response.timings.phases),
    };
    const retryAfter = Number(headers['retry-after']);
    if (Number.isFinite(retryAfter) && headers['retry-after'] !== undefined) obs.retryAfterSec = retryAfter;
    const json = parseJson(bodyText);
    if (json !== undefined) {
      obs.json = mapStrings(json, (v) => this.clean(v));
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        const record = json as Record<string, unknown>;
        if (typeof record.code === 'number') obs.mexcCode = record.code;
        else if (typeof record.code === 'string') obs.mexcCode = this.clean(record.code.slice(0, 64));
        const msg = record.msg ?? record.message;
        if (typeof msg === 'string') obs.mexcMsg = this.clean(msg);
      }
    }
    return obs;
  }

  private partialResponse(error: unknown, partial: PartialBody): Partial<Observation> {
    if (error instanceof RequestError && error.response) {
      const described = this.describeResponse(error.response as Response<string>);
      // got keeps no body when the connection broke mid-answer: what did arrive is the evidence
      // ("cut off after N bytes"), not a network failure before any answer.
      if (!described.bodyBytes && partial.bytes > 0) {
        described.bodyBytes = partial.bytes;
        const text = partial.readable ? Buffer.concat(partial.chunks).toString('utf8').slice(0, BODY_SNIPPET_CHARS) : '';
        described.bodySnippet = this.clean(text, { multiline: true });
      }
      return described;
    }
    if (error instanceof RequestError && error.timings) return { timings: phaseTimings(error.timings.phases) };
    return {};
  }

  private describeError(error: unknown): { code: string; message: string } {
    if (error instanceof RequestError) {
      // got wraps the socket error; the cause carries the OS code (ECONNREFUSED, ENOTFOUND…).
      const cause = (error as { cause?: { code?: string } }).cause;
      const event = (error as { event?: string }).event;
      // A DNS lookup that never answers is a DNS problem, not a slow server.
      const timeoutCode = event === 'lookup' ? 'EAI_AGAIN' : 'ETIMEDOUT';
      const code = error.name === 'TimeoutError' ? timeoutCode : (error.code ?? cause?.code ?? 'ERR_REQUEST');
      const message = error.name === 'TimeoutError' ? `Timed out (${event ?? 'request'}${event === 'lookup' ? ': the DNS lookup never answered' : ''})` : error.message;
      return { code, message: this.clean(message) };
    }
    if (error instanceof Error) return { code: (error as { code?: string }).code ?? 'ERR_UNKNOWN', message: this.clean(error.message) };
    return { code: 'ERR_UNKNOWN', message: 'Unknown error' };
  }

  /**
   * Everything that leaves the client: the secret (and any piece of it) masked, the key masked
   * when a server echoes it, control characters and escape sequences made visible (a hostile
   * or broken server must not write to the user's terminal).
   */
  private clean(text: string, opts: { multiline?: boolean } = {}): string {
    let out = redactSecrets(text, [this.opts.secret]);
    const key = this.opts.apiKey?.trim();
    if (key && key.length >= 8 && out.includes(key)) out = out.split(key).join(maskKey(key));
    return terminalSafe(out, opts);
  }
}

interface PartialBody {
  bytes: number;
  chunks: Buffer[];
  /** False when the body is compressed: the raw bytes are then not text. */
  readable: boolean;
}

/** Counts (and keeps the start of) the raw body as it arrives, for an answer cut off mid-way. */
function watchBody(request: { on(event: 'request', listener: (req: http.ClientRequest) => void): unknown }): PartialBody {
  const partial: PartialBody = { bytes: 0, chunks: [], readable: true };
  let kept = 0;
  request.on('request', (clientRequest) => {
    clientRequest.on('response', (response: http.IncomingMessage) => {
      const encoding = String(response.headers['content-encoding'] ?? 'identity').toLowerCase();
      partial.readable = encoding === 'identity';
      response.on('data', (chunk: Buffer) => {
        partial.bytes += chunk.length;
        if (kept < BODY_SNIPPET_CHARS * 4) {
          partial.chunks.push(chunk);
          kept += chunk.length;
        }
      });
    });
  });
  return partial;
}

const KEPT_HEADERS = ['content-type', 'retry-after', 'server', 'date', 'akamai-grn', 'x-cache', 'content-length', 'location'];

function pickHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/**
 * When the request left and the first response byte arrived, on the injected clock. "Left" is the last set-up event
 * (socket assigned, connected, TLS done): the request bytes go out in that same tick, so TCP/TLS
 * set-up on a fresh socket does not count as network delay in the clock estimate. got's
 * `upload` mark is later than that on a busy event loop, which would make the round trip look
 * shorter than it was.
 */
function wireWindow(response: Response<string>, clockShiftMs: number): Pick<Observation, 'wireSentAtMs' | 'wireFirstByteAtMs'> {
  const t = response.timings;
  if (t.response === undefined) return {};
  const setUp = [t.start, t.socket, t.lookup, t.connect, t.secureConnect].filter((v): v is number => typeof v === 'number');
  const left = Math.min(Math.max(...setUp), t.response);
  return { wireSentAtMs: left + clockShiftMs, wireFirstByteAtMs: t.response + clockShiftMs };
}

function phaseTimings(phases: { dns?: number; tcp?: number; tls?: number; firstByte?: number; total?: number }): Timings {
  const t: Timings = {};
  if (phases.dns !== undefined) t.dnsMs = phases.dns;
  if (phases.tcp !== undefined) t.tcpMs = phases.tcp;
  if (phases.tls !== undefined) t.tlsMs = phases.tls;
  if (phases.firstByte !== undefined) t.firstByteMs = phases.firstByte;
  if (phases.total !== undefined) t.totalMs = phases.total;
  return t;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}
