/**
 * What was wrong with a spot request the simulator received: the signature lab (src/core/lab)
 * run on the raw request (method, path and query, headers, body as received), plus the cause of
 * refusals the lab cannot see (a scenario, an unknown key, the clock). The simulator's own
 * verdict stays in auth.ts/verify.ts, over the raw bytes; this only explains it.
 */
import { inspectRequest } from '../core/lab/inspect-request.js';
import { parseUrlParts } from '../core/lab/parse-url.js';
import { shortFix } from '../core/lab/short-fixes.js';
import type { LabFinding, LabFindingId, ParsedRequest, RequestHeader } from '../core/lab/types.js';
import { maskKey } from '../core/redact.js';
import { DEFAULT_RECV_WINDOW_MS } from './auth.js';
import { findRoute } from './endpoints.js';
import type { SimResponse } from './errors.js';
import { parseParams, parseWholeNumber } from './params.js';
import { SCENARIOS, scenarioBehaviour, type ScenarioBehaviour, type ScenarioName } from './scenarios.js';
import { headerValue, type FindingsContext, type FindingsSource, type ReceivedRequest, type RequestFindings } from './request-log.js';
import { FUTURE_TOLERANCE_MS } from './verify.js';

/**
 * Which lab findings explain a refusal, by MEXC code: the gate that refused (auth.ts checks the
 * key, the envelope, the timing, then the signature) decides which finding is the cause.
 * 700002: any problem the lab found, signature findings first.
 */
const EXPLAINED_BY: Readonly<Record<string, readonly LabFindingId[]>> = {
  '400': ['binance-header', 'key-header-missing'],
  '700013': ['content-type-missing'],
  '700004': ['signature-missing', 'timestamp-missing'],
  '700005': ['recv-window-too-large'],
  '700003': ['timestamp-in-seconds'],
  '404': ['legacy-endpoint'],
};

function explainingFinding(code: string, problems: LabFinding[]): LabFinding | undefined {
  if (code === '700002') return problems[0];
  const ids = EXPLAINED_BY[code] ?? [];
  return problems.find((f) => ids.includes(f.id));
}

/** The request as the lab reads a pasted log dump: nothing decoded, headers as sent. */
export function labRequest(req: ReceivedRequest): ParsedRequest {
  // Node passes the request target through as it arrived (printable ASCII only).
  const target = req.rawQuery ? `${req.path}?${req.rawQuery}` : req.path;
  const parts = parseUrlParts(target);
  const headers: RequestHeader[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push({ name: req.rawHeaders[i]!, value: req.rawHeaders[i + 1]! });
  const host = (headerValue(req.headers.host) ?? '').toLowerCase();
  const url = 'error' in parts ? { path: req.path, rawQuery: req.rawQuery, query: [] } : parts;
  return { source: 'log', method: req.method, ...url, host, body: req.body.toString('utf8'), headers, notes: [] };
}

function scenarioSentence(name: ScenarioName): string {
  const description = SCENARIOS.find((s) => s.name === name)?.description ?? '';
  return `Scenario "${name}": ${description}.`;
}

/** Did the scenario, rather than the request, cause this MEXC code? */
function scenarioCaused(code: string, behaviour: ScenarioBehaviour): boolean {
  switch (code) {
    case '10072':
      return !behaviour.keyKnown;
    case '700002':
      return behaviour.secretDiffers;
    case '700003':
      return behaviour.serverClockOffsetMs !== 0;
    case '700006':
      return behaviour.blockedClientIp !== undefined;
    case '700007':
      return true; // only a scenario takes permissions away
    case '10007':
      return !behaviour.symbolsApiEnabled;
    case '60005':
      return behaviour.accountAbnormal;
    default:
      return false;
  }
}

/** The simulator's own account of a refusal no lab finding explains. */
function refusalSentence(code: string, req: ReceivedRequest, ctx: FindingsContext): string | undefined {
  if (code === '10072') {
    const sent = headerValue(req.headers['x-mexc-apikey']) ?? '';
    return (
      `The simulator does not know the key ${maskKey(sent)}: send the key it printed at start (${maskKey(ctx.apiKey)}), ` +
      'or start it with your own MEXC_API_KEY and MEXC_SECRET_KEY.'
    );
  }
  if (code === '700003') return clockSentence(req, ctx.serverTimeMs);
  if (code === '404') return 'No such endpoint in the simulator (spot v3): check the method and the path.';
  return undefined;
}

function clockSentence(req: ReceivedRequest, serverTimeMs: number): string | undefined {
  const params = parseParams(req.rawQuery, req.body.toString('utf8'));
  const timestampMs = parseWholeNumber(params.get('timestamp'));
  if (timestampMs === undefined) return undefined;
  const recvWindowMs = parseWholeNumber(params.get('recvWindow')) ?? DEFAULT_RECV_WINDOW_MS;
  const leadMs = timestampMs - serverTimeMs;
  if (leadMs >= FUTURE_TOLERANCE_MS) {
    return `Your timestamp is ${leadMs} ms ahead of the server's clock (MEXC refuses ${FUTURE_TOLERANCE_MS} ms or more ahead): sync your clock; a bigger recvWindow cannot help.`;
  }
  return `Your timestamp is ${-leadMs} ms behind the server's clock, more than recvWindow (${recvWindowMs} ms): sync your clock and send each request right after signing it.`;
}

function withLab(req: ReceivedRequest, response: SimResponse, ctx: FindingsContext): RequestFindings {
  const lab = inspectRequest(labRequest(req), ctx.clientSecret);
  const ids = lab.findings.map((f) => f.id);
  const problems = lab.findings.filter((f) => f.severity === 'problem');
  if (response.status >= 200 && response.status < 300) {
    // Accepted here (raw-byte verification), but the lab warns what real MEXC may refuse.
    const warning = problems[0];
    return warning ? { ids, fix: `Accepted here, but real MEXC may refuse it: ${shortFix(warning.id)}` } : { ids };
  }
  const code = String(response.code ?? response.status);
  const explained = explainingFinding(code, problems);
  if (explained) return { ids, fix: shortFix(explained.id) };
  const behaviour = scenarioBehaviour(ctx.scenario);
  if (scenarioCaused(code, behaviour)) return { ids, fix: scenarioSentence(ctx.scenario) };
  const sentence = refusalSentence(code, req, ctx);
  return sentence ? { ids, fix: sentence } : { ids };
}

/** Parameters and headers that only a request meant to be signed carries (v3, v2 or futures style). */
const CREDENTIAL_PARAM = /(?:^|&)(?:signature|sign|api_key)=/;
const CREDENTIAL_HEADERS = ['x-mexc-apikey', 'x-mbx-apikey', 'apikey'];

/** A signed spot endpoint, or an unknown path that carries credentials (a wrong path, the old v2 API). */
function isSignedRequest(req: ReceivedRequest): boolean {
  const route = findRoute(req.method, req.path);
  if (route) return route.permission !== undefined;
  return (
    CREDENTIAL_PARAM.test(req.rawQuery) ||
    CREDENTIAL_PARAM.test(req.body.toString('latin1')) ||
    CREDENTIAL_HEADERS.some((name) => req.headers[name] !== undefined)
  );
}

/** Spot v3 requests: the lab for signed ones, the scenario or the route for the rest. */
export const spotRequestFindings: FindingsSource = (req, response, ctx) => {
  const behaviour = scenarioBehaviour(ctx.scenario);
  // Answered in front of the API: nothing was verified, the scenario is the whole story.
  if (behaviour.gatewayFailure) return { ids: [], fix: scenarioSentence(ctx.scenario) };
  if (!response) return { ids: [] };
  if (isSignedRequest(req)) return withLab(req, response, ctx);
  if (response.status === 404) return { ids: [], fix: refusalSentence('404', req, ctx)! };
  return { ids: [] };
};
