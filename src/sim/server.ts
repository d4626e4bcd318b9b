/**
 * The local MEXC spot v3 simulator (node:http, loopback only). MEXC has no spot testnet, so
 * bot authors, our tests and `--demo` point at this instead (docs/architecture.md).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorizeSignedRequest } from './auth.js';
import { otherSecretThan } from './credentials.js';
import { findRoute } from './endpoints.js';
import { notFound, type SimResponse } from './errors.js';
import { answerFutures, isFuturesPath } from './futures/index.js';
import { futuresRequestFindings } from './futures/request-findings.js';
import { gatewayFailureResponse } from './gateway.js';
import { parseParams } from './params.js';
import { spotRequestFindings } from './request-findings.js';
import { createRequestLog, firstFindings, type FindingsSource, type RequestLogEntry } from './request-log.js';
import { DEFAULT_SCENARIO, parseScenarioName, scenarioBehaviour, type ScenarioName } from './scenarios.js';

export { SCENARIOS, SCENARIO_NAMES, UnknownScenarioError, isScenarioName, type ScenarioName } from './scenarios.js';
export { generateDemoCredentials, type DemoCredentials } from './credentials.js';
export { jsonLine, terminalLine, type FindingsSource, type RequestLogEntry } from './request-log.js';

/** What the optional delay hook sees of a request. */
export interface SimDelayRequest {
  method: string;
  path: string;
  rawQuery: string;
}

export interface SimDelays {
  /** Wait after the request arrived, before the server reads its clock and answers. */
  beforeHandleMs: number;
  /** Wait after the answer is ready, before it is sent. */
  beforeSendMs: number;
}

export interface SimOptions {
  /** 0 or absent: a free port chosen by the OS. */
  port?: number;
  host?: '127.0.0.1';
  scenario?: ScenarioName;
  apiKey: string;
  secret: string;
  /** Added to every response, split evenly before and after the server reads its clock. */
  latencyMs?: number;
  /** Server time = local now + this; overrides the scenario's default. */
  serverClockOffsetMs?: number;
  /** Asymmetric delays per request (e.g. a clock-estimation benchmark); added to latencyMs. */
  delayMs?: (req: SimDelayRequest) => SimDelays;
  now?: () => number;
  /**
   * One entry per request, in arrival order, with what was wrong with it (issue #15). The key is
   * masked; the secret and the signature never appear.
   */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Judges each request for onRequest; default: the futures lab for futures requests, the spot lab for the rest. */
  findings?: FindingsSource;
}

export interface SimRequestLog {
  method: string;
  path: string;
  /** Query string as received, without `?` (it may hold a signature, never the secret). */
  rawQuery: string;
  rawBody: string;
  /** HTTP status sent; null when the request was never answered (`timeout`, or closed first). */
  status: number | null;
  /** MEXC `code` in the answer, when it had one. */
  code?: number | string;
  /** Local time (ms) the request arrived. */
  receivedAtMs: number;
}

export interface RunningSim {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every request in arrival order (the oldest are dropped past MAX_LOGGED_REQUESTS). */
  requests: SimRequestLog[];
  /** Switches the scenario for the following requests; throws UnknownScenarioError. */
  setScenario(scenario: ScenarioName | string): void;
}

export class SimListenError extends Error {
  constructor(
    readonly code: string,
    readonly port: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimListenError';
  }
}

/** Futures first: the spot source would call a futures path a legacy endpoint. */
const DEFAULT_FINDINGS: FindingsSource = firstFindings(futuresRequestFindings, spotRequestFindings);

/** Long enough to trip every client timeout; the timer never keeps the process alive. */
export const TIMEOUT_SCENARIO_DELAY_MS = 10 * 60_000;
/** Keeps a simulator that runs for days from growing without bound. */
export const MAX_LOGGED_REQUESTS = 10_000;
/** A body bigger than this is not a spot v3 request. */
const MAX_BODY_BYTES = 1 << 20;

function splitTarget(target: string): { path: string; rawQuery: string } {
  const q = target.indexOf('?');
  return q === -1 ? { path: target, rawQuery: '' } : { path: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function validatePort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SimListenError('EINVALIDPORT', port, `Port ${port} is not a valid TCP port (0-65535).`);
  }
}

export async function startSimulator(opts: SimOptions): Promise<RunningSim> {
  if (!opts.apiKey || !opts.secret) throw new TypeError('startSimulator needs a non-empty apiKey and secret.');
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 0;
  validatePort(port);
  const now = opts.now ?? Date.now;
  const latencyMs = Math.max(0, opts.latencyMs ?? 0);

  let scenario = parseScenarioName(opts.scenario ?? DEFAULT_SCENARIO);
  let behaviour = scenarioBehaviour(scenario);
  const listenKeys = new Set<string>();
  const requests: SimRequestLog[] = [];
  let closed = false;

  // Every pending wait, so close() can end them: no timer may outlive the simulator.
  const pendingWaits = new Set<{ timer: NodeJS.Timeout; finish: () => void }>();
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (ms <= 0 || closed) return resolve();
      const entry = {
        timer: setTimeout(() => entry.finish(), ms),
        finish: () => {
          clearTimeout(entry.timer);
          pendingWaits.delete(entry);
          resolve();
        },
      };
      entry.timer.unref();
      pendingWaits.add(entry);
    });

  const serverTime = () => now() + (opts.serverClockOffsetMs ?? behaviour.serverClockOffsetMs);
  const serverSecret = () => (behaviour.secretDiffers ? otherSecretThan(opts.secret) : opts.secret);

  const requestLog = opts.onRequest
    ? createRequestLog({
        findings: opts.findings ?? DEFAULT_FINDINGS,
        context: () => ({ clientSecret: opts.secret, apiKey: opts.apiKey, scenario, serverTimeMs: serverTime() }),
        secrets: () => [opts.secret, serverSecret()],
        onEntry: opts.onRequest,
      })
    : undefined;

  function record(entry: SimRequestLog): void {
    requests.push(entry);
    if (requests.length > MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS);
  }

  function answer(method: string, path: string, rawQuery: string, body: Buffer, req: IncomingMessage): SimResponse {
    const failure = behaviour.gatewayFailure;
    if (failure && failure !== 'timeout') {
      return gatewayFailureResponse(failure, req.headers.host ?? `${host}:${port}`, path, now());
    }
    if (isFuturesPath(path)) return answerFutures({ method, path, rawQuery, body, headers: req.headers, serverTimeMs: serverTime(), scenario }, opts);
    const route = findRoute(method, path);
    if (!route) return notFound();
    const rawBody = body.toString('latin1');
    const params = parseParams(rawQuery, body.toString('utf8'));
    const serverTimeMs = serverTime();
    if (route.permission) {
      const auth = authorizeSignedRequest(
        { method, headers: req.headers, rawQuery, rawBody, params, serverTimeMs },
        { apiKey: opts.apiKey, secret: serverSecret() },
        behaviour,
        route.permission,
      );
      if (!auth.ok) return auth.response;
    }
    return route.handle({ params, serverTimeMs, behaviour, listenKeys });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAtMs = now();
    const method = req.method ?? 'GET';
    const { path, rawQuery } = splitTarget(req.url ?? '/');
    // Every request passes here, whatever answers it: the one place the request log hooks in. Its
    // place in the log is taken once the body is in, so a client that stalls mid-upload holds
    // back no other request's line.
    const arrival = { receivedAtMs, method, path, rawQuery, headers: req.headers, rawHeaders: req.rawHeaders };
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      requestLog?.arrive(arrival).finish(undefined, undefined);
      res.destroy();
      return;
    }
    const logged = requestLog?.arrive(arrival);
    const entry: SimRequestLog = { method, path, rawQuery, rawBody: body.toString('utf8'), status: null, receivedAtMs };
    record(entry);

    const extra = opts.delayMs?.({ method, path, rawQuery }) ?? { beforeHandleMs: 0, beforeSendMs: 0 };
    await wait(Math.floor(latencyMs / 2) + Math.max(0, extra.beforeHandleMs));
    if (behaviour.gatewayFailure === 'timeout') {
      logged?.finish(body, undefined); // held on purpose: logged now, so later requests are not held back
      await wait(TIMEOUT_SCENARIO_DELAY_MS);
    }
    if (closed) return logged?.finish(body, undefined);

    const response = answer(method, path, rawQuery, body, req);
    await wait(Math.ceil(latencyMs / 2) + Math.max(0, extra.beforeSendMs));
    if (closed || res.destroyed) return logged?.finish(body, undefined);

    res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
    res.end(response.body);
    entry.status = response.status;
    if (response.code !== undefined) entry.code = response.code;
    logged?.finish(body, response);
  }

  const server = createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
    void handle(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'ELISTEN';
      const reason =
        code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'needs privileges to open' : `cannot be opened (${code})`;
      reject(new SimListenError(code, port, `Port ${port} on ${host} ${reason}.`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const boundPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    requests,
    setScenario(next) {
      scenario = parseScenarioName(next);
      behaviour = scenarioBehaviour(scenario);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const pending of [...pendingWaits]) pending.finish();
        server.close(() => resolve());
        // Ends keep-alive sockets and requests held open by `timeout` or a latency wait.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
