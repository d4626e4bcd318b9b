import { futuresTimeMs, implausibleMs, type ShapedEndpoint } from '../core/answers.js';
import { futuresWindow, spotWindow, type TimingWindow } from '../core/clock.js';
import { FUTURES_DEFAULT_RECV_WINDOW_SEC } from '../core/futures-signing.js';
import type { Api, Cause } from '../core/types.js';

/**
 * What the clock and account steps need to know about an API's timing: the window MEXC checks
 * a request's time against, the public endpoint whose answers carry MEXC's time, and the signed
 * request whose verdict is the strongest evidence about the local clock.
 */
export interface TimingSpec {
  window: TimingWindow;
  /** Public endpoint whose answers are clock samples. */
  timeEndpoint: ShapedEndpoint;
  /** The signed request shared by the clock and account steps. */
  probeEndpoint: ShapedEndpoint;
  /** "recvWindow (5000 ms)", "the futures window (10 s)". */
  windowName: string;
  /** MEXC's rule in one line, for the clock step's evidence. */
  rule: string;
  /** MEXC's time in ms from a successful answer of `timeEndpoint`, if it is one. */
  serverTimeOf: (json: unknown) => number | undefined;
  /** Clock findings in this API's terms (the futures window instead of recvWindow). */
  adapt: (findings: Cause[]) => Cause[];
}

export function spotTiming(recvWindowMs: number): TimingSpec {
  return {
    window: spotWindow(recvWindowMs),
    timeEndpoint: 'GET /api/v3/time',
    probeEndpoint: 'GET /api/v3/account',
    windowName: `recvWindow (${formatSec(recvWindowMs)})`,
    rule: `MEXC accepts a request when timestamp < serverTime + 1000 and serverTime − timestamp ≤ recvWindow (${recvWindowMs} ms)`,
    serverTimeOf: (json) => {
      const serverTime = (json as { serverTime?: unknown } | undefined)?.serverTime;
      return implausibleMs(serverTime, 'serverTime') === undefined ? (serverTime as number) : undefined;
    },
    adapt: (findings) => findings,
  };
}

/** The futures rule: |serverTime − Request-Time| ≤ 10 s, or the Recv-Window header's seconds (docs/mexc-api.md §6). */
export function futuresTiming(recvWindowSec?: number): TimingSpec {
  const sec = recvWindowSec ?? FUTURES_DEFAULT_RECV_WINDOW_SEC;
  return {
    window: futuresWindow(sec * 1000),
    timeEndpoint: 'GET /api/v1/contract/ping',
    probeEndpoint: 'GET /api/v1/private/account/assets',
    windowName: `the futures window (${sec} s)`,
    rule: `MEXC's futures API accepts a request when |serverTime − Request-Time| ≤ ${sec} s (${recvWindowSec === undefined ? 'the default; a Recv-Window header widens it' : 'the Recv-Window header sent'})`,
    serverTimeOf: (json) => {
      const answer = json as { success?: unknown; data?: unknown } | undefined;
      return answer?.success === true ? futuresTimeMs(answer.data) : undefined;
    },
    adapt: (findings) =>
      findings.map((f) => {
        const { recvWindowMs: _spot, ...facts } = f.facts;
        return { ...f, facts: { ...facts, futuresWindowSec: sec } };
      }),
  };
}

export function timingFor(api: Api, recvWindowMs: number, futuresRecvWindowSec?: number): TimingSpec {
  return api === 'futures' ? futuresTiming(futuresRecvWindowSec) : spotTiming(recvWindowMs);
}

/** "5.0 s", "800 ms". */
export const formatSec = (ms: number) => (Math.abs(ms) >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
