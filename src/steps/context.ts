import type { ShapedEndpoint } from '../core/answers.js';
import type { AnswerVerdict } from '../core/classify.js';
import type { MexcClient } from '../core/client.js';
import type { ClockEstimate } from '../core/clock.js';
import type { CredentialLintResult, FoundCredentials } from '../core/credentials.js';
import type { Api, ClockTiming, Diagnosis, Cause, FixContext, Observation, StepId, StepResult, StepStatus } from '../core/types.js';
import type { MarketInfo } from './market.js';
import type { TimingSpec } from './timing.js';

export interface CheckOptions {
  baseUrl: string;
  timeoutMs: number;
  recvWindowMs: number;
  /** `--symbol`; otherwise a liquid API-enabled symbol from /api/v3/defaultSymbols. */
  symbol?: string;
  verbose: boolean;
  /** The API to diagnose: spot v3 (the default) or futures (`check --futures`). */
  api?: Api;
  /** Futures: the Recv-Window header to send, in seconds (none: MEXC's default of 10). */
  futuresRecvWindowSec?: number;
}

/**
 * The first signed request of a run (spot: GET /api/v3/account; futures: GET
 * /api/v1/private/account/assets), sent once per run and shared: the account step reads it, and
 * the clock step checks its verdict against it (MEXC accepting a request signed with the local
 * clock is the strongest evidence about that clock). On a timestamp refusal it is signed once
 * more with MEXC's time, which proves or rules out the clock.
 */
export interface SignedProbe {
  first: Observation;
  verdict: AnswerVerdict;
  /** MEXC refused the first request for its timestamp (700003, futures 513 and kin). */
  timestampRefused: boolean;
  /** The same request signed with MEXC's time (only after a timestamp refusal with a clock estimate). */
  retry?: Observation;
  retryVerdict?: AnswerVerdict;
  /** The clock estimate the retry used. */
  clock?: ClockEstimate;
}

/** What the clock samples gave: the estimate, or the answer that was not a server time. */
export interface ClockReading {
  estimate?: ClockEstimate;
  /** One answer that gave no usable sample (429, HTML, a time in seconds…). */
  failure?: Observation;
  /** How many of the answers were usable samples, of how many sent. */
  usable: number;
  sent: number;
}

/** What steps share during one session. Steps read it; the session writes it. */
export interface StepContext {
  options: CheckOptions;
  api: Api;
  /** The API's timing rule, its server-time endpoint and its signed probe (steps/timing.ts). */
  timing: TimingSpec;
  client: MexcClient;
  found: FoundCredentials;
  lint: CredentialLintResult;
  now: () => number;
  fixContext: () => FixContext;
  /** Render findings through the one catalog (as this tool's own requests). */
  diagnose: (findings: Cause[]) => Diagnosis[];
  /** Positive evidence: ok only on MEXC's success shape for the endpoint. */
  judge: (obs: Observation, endpoint: ShapedEndpoint) => AnswerVerdict;
  canSign: boolean;
  /** Shared, memoised lookups (started early by `runAll` so they overlap other requests). */
  market: () => Promise<MarketInfo>;
  clock: () => Promise<ClockReading>;
  signedProbe: () => Promise<SignedProbe>;
  results: ReadonlyMap<StepId, StepResult>;
}

export interface StepOutcome {
  status: StepStatus;
  summary: string;
  evidence: string[];
  diagnoses: Diagnosis[];
  /** Facts other steps or the report use (the IP MEXC saw, the clock verdict…). */
  facts?: Record<string, string | number | boolean>;
  /** The clock step: the numbers of MEXC's timing rule, for the front ends' picture of it. */
  timing?: ClockTiming;
}

export type StepRunner = (ctx: StepContext) => Promise<StepOutcome>;
