/**
 * What was wrong with a futures request the simulator received: the futures signature lab
 * (src/core/lab/futures.ts) run on the raw request, plus the cause of refusals the lab cannot
 * see (a scenario, an unknown key, the clock, an order endpoint closed to API users). It comes
 * before the spot source (request-findings.ts), which would call a futures path a legacy one.
 * Futures errors come with HTTP 200: the answer's `code` says whether it was accepted.
 */
import { futuresShortFix } from '../../core/lab/futures-findings.js';
import { inspectFuturesRequest } from '../../core/lab/futures.js';
import type { LabFinding } from '../../core/lab/types.js';
import { maskKey } from '../../core/redact.js';
import type { SimResponse } from '../errors.js';
import { labRequest } from '../request-findings.js';
import { headerValue, type FindingsContext, type FindingsSource, type ReceivedRequest, type RequestFindings } from '../request-log.js';
import { FUTURES_DEFAULT_WINDOW_SEC, FUTURES_MAX_WINDOW_SEC } from './auth.js';
import { SIM_NOTE_HEADER } from './errors.js';
import { isFuturesPath } from './index.js';
import { FUTURES_SCENARIOS, isFuturesScenarioName } from './scenarios.js';

/** Which lab findings explain a futures refusal, by code (auth.ts: key, time, signature, then what the key may do). */
const EXPLAINED_BY: Readonly<Record<string, readonly string[]>> = {
  '401': ['key-header-missing'],
  '600': ['timestamp-missing'],
  '513': ['timestamp-in-seconds'],
};

const isPrivatePath = (path: string) => /^\/api\/v1\/private(?:\/|$)/.test(path);

function scenarioSentence(ctx: FindingsContext): string | undefined {
  if (!isFuturesScenarioName(ctx.scenario)) return undefined;
  const description = FUTURES_SCENARIOS.find((s) => s.name === ctx.scenario)?.description ?? '';
  return `Scenario "${ctx.scenario}": ${description}.`;
}

/** A futures answer accepts the request only with code 0 (`{success:true, code:0, data}`). */
function accepted(response: SimResponse): boolean {
  return response.status >= 200 && response.status < 300 && String(response.code ?? '') === '0';
}

function explaining(code: string, problems: LabFinding[]): LabFinding | undefined {
  if (code === '602') return problems[0];
  const ids = EXPLAINED_BY[code] ?? [];
  return problems.find((f) => ids.includes(f.id));
}

function clockSentence(req: ReceivedRequest, serverTimeMs: number): string | undefined {
  const requestTime = Number(headerValue(req.headers['request-time']));
  if (!Number.isFinite(requestTime)) return undefined;
  const recvWindow = Number(headerValue(req.headers['recv-window']));
  const windowSec = Number.isInteger(recvWindow) && recvWindow > 0 ? Math.min(recvWindow, FUTURES_MAX_WINDOW_SEC) : FUTURES_DEFAULT_WINDOW_SEC;
  const leadMs = requestTime - serverTimeMs;
  const side = leadMs > 0 ? 'ahead of' : 'behind';
  return `Your Request-Time is ${Math.abs(leadMs)} ms ${side} the server's clock, more than the futures window (${windowSec} s either way): sync your clock and send each request right after signing it.`;
}

/** The simulator's own account of a refusal no lab finding explains. */
function refusalSentence(code: string, req: ReceivedRequest, response: SimResponse, ctx: FindingsContext): string | undefined {
  const note = response.headers[SIM_NOTE_HEADER];
  if (code === '602' && note?.includes('order placement is closed')) {
    return 'Signature valid: futures orders are closed to API users here, as MEXC answered them with 602 while order placement was closed; no order was placed.';
  }
  if (code === '513') return clockSentence(req, ctx.serverTimeMs);
  if (code === '401' && !isFuturesScenarioName(ctx.scenario)) {
    const sent = headerValue(req.headers.apikey) ?? '';
    return `The simulator does not know the key ${maskKey(sent)}: send the key it printed at start (${maskKey(ctx.apiKey)}), or start it with your own MEXC_API_KEY and MEXC_SECRET_KEY.`;
  }
  if (code === '404') return 'No such futures endpoint in the simulator: check the method and the path (open orders: GET /api/v1/private/order/list/open_orders).';
  return scenarioSentence(ctx) ?? (note ? `${note.charAt(0).toUpperCase()}${note.slice(1)}.` : undefined);
}

function judged(req: ReceivedRequest, response: SimResponse, ctx: FindingsContext): RequestFindings {
  const lab = inspectFuturesRequest(labRequest(req), ctx.clientSecret);
  const ids = lab.findings.map((f) => f.id);
  const problems = lab.findings.filter((f) => f.severity === 'problem');
  if (accepted(response)) {
    // Accepted here (raw-byte verification), but the lab warns what real MEXC may refuse.
    const warning = problems[0];
    const fix = warning ? futuresShortFix(warning.id) : undefined;
    return fix ? { ids, fix: `Accepted here, but real MEXC may refuse it: ${fix}` } : { ids };
  }
  const code = String(response.code ?? response.status);
  // A scenario that refuses every correct request is the whole story, whatever the lab found.
  const scenario = ctx.scenario === 'futures-signature-invalid' && code === '602' && problems.length === 0 ? scenarioSentence(ctx) : undefined;
  const explained = scenario ? undefined : explaining(code, problems);
  const fix = scenario ?? (explained ? futuresShortFix(explained.id) : undefined) ?? refusalSentence(code, req, response, ctx);
  return fix ? { ids, fix } : { ids };
}

/** Futures requests (/api/v1/contract, /api/v1/private); undefined for anything else. */
export const futuresRequestFindings: FindingsSource = (req, response, ctx) => {
  if (!isFuturesPath(req.path)) return undefined;
  // A spot-only host serves no futures path: nothing was verified, the scenario is the whole story.
  if (ctx.scenario === 'futures-base-url-wrong') return { ids: [], fix: scenarioSentence(ctx)! };
  if (!response) return { ids: [] };
  if (!isPrivatePath(req.path)) {
    if (accepted(response)) return { ids: [] };
    const fix = response.status === 404 ? refusalSentence('404', req, response, ctx) : scenarioSentence(ctx);
    return fix ? { ids: [], fix } : { ids: [] };
  }
  return judged(req, response, ctx);
};
