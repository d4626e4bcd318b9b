/**
 * The futures (contract) API of the simulator, served on the same host as spot: MEXC moved it
 * to https://api.mexc.com (update log 2026-01-19), public under /api/v1/contract, private
 * under /api/v1/private.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { otherSecretThan } from '../credentials.js';
import { notFound, type SimResponse } from '../errors.js';
import { authorizeFuturesRequest } from './auth.js';
import { findFuturesRoute } from './endpoints.js';
import { FUTURES_ERRORS, futuresNotFound } from './errors.js';
import { futuresBehaviour } from './scenarios.js';

export { FUTURES_SCENARIOS, futuresScenarioClockOffsetMs, isFuturesScenarioName, type FuturesScenarioName } from './scenarios.js';

const FUTURES_PATH = /^\/api\/v1\/(?:contract|private)(?:\/|$)/;

export function isFuturesPath(path: string): boolean {
  return FUTURES_PATH.test(path);
}

export interface FuturesHttpRequest {
  method: string;
  path: string;
  rawQuery: string;
  body: Buffer;
  headers: IncomingHttpHeaders;
  serverTimeMs: number;
  /** The simulator's current scenario (spot or futures name). */
  scenario: string;
}

function decodeQuery(rawQuery: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const segment of rawQuery.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const decode = (t: string): string => {
      try {
        return decodeURIComponent(t.replace(/\+/g, ' '));
      } catch {
        return t;
      }
    };
    const name = decode(eq === -1 ? segment : segment.slice(0, eq));
    if (!out.has(name)) out.set(name, eq === -1 ? '' : decode(segment.slice(eq + 1)));
  }
  return out;
}

export function answerFutures(req: FuturesHttpRequest, key: { apiKey: string; secret: string }): SimResponse {
  const behaviour = futuresBehaviour(req.scenario);
  // A spot-only host knows no futures path: it answers as spot answers any unknown path.
  if (behaviour.spotOnlyHost) return notFound();
  if (behaviour.rateLimited) return FUTURES_ERRORS.rateLimited();
  const found = findFuturesRoute(req.method, req.path);
  if (!found) return futuresNotFound();
  const { route, pathParam } = found;
  const rawBody = req.body.toString('latin1');
  if (route.permission) {
    if (behaviour.privateUnavailable) return FUTURES_ERRORS.endpointInaccessible();
    const auth = authorizeFuturesRequest(
      { method: req.method, headers: req.headers, rawQuery: req.rawQuery, rawBody, serverTimeMs: req.serverTimeMs },
      { apiKey: key.apiKey, secret: behaviour.secretDiffers ? otherSecretThan(key.secret) : key.secret },
      behaviour,
      route.permission,
    );
    if (!auth.ok) return auth.response;
    if (behaviour.noFuturesAccount) return FUTURES_ERRORS.noContractAccount();
  }
  return route.handle({
    method: req.method,
    query: decodeQuery(req.rawQuery),
    ...(pathParam !== undefined ? { pathParam } : {}),
    rawBody: req.body.toString('utf8'),
    serverTimeMs: req.serverTimeMs,
  });
}
