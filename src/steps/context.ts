import type { MexcClient } from '../core/client.js';
import type { ClockEstimate } from '../core/clock.js';
import type { CredentialLintResult, FoundCredentials } from '../core/credentials.js';
import type { Diagnosis, Cause, FixContext, Observation, StepId, StepResult, StepStatus } from '../core/types.js';
import type { MarketInfo } from './market.js';

export interface CheckOptions {
  baseUrl: string;
  timeoutMs: number;
  recvWindowMs: number;
  /** `--symbol`; otherwise a liquid API-enabled symbol from /api/v3/defaultSymbols. */
  symbol?: string;
  verbose: boolean;
}

/** What steps share during one session. Steps read it; the session writes it. */
export interface StepContext {
  options: CheckOptions;
  client: MexcClient;
  found: FoundCredentials;
  lint: CredentialLintResult;
  now: () => number;
  fixContext: () => FixContext;
  /** Classify + render through the one catalog. */
  diagnose: (findings: Cause[]) => Diagnosis[];
  classify: (obs: Observation) => Cause[];
  classifyClock: (localAheadMs: number, rttMs: number, recvWindowMs: number) => Cause[];
  /** Shared, memoised lookups (started early by `runAll` so they overlap other requests). */
  market: () => Promise<MarketInfo>;
  clock: () => Promise<ClockEstimate | undefined>;
  /** One /api/v3/time answer when no sample was usable (429, HTML, no serverTime…). */
  clockFailure: () => Observation | undefined;
  results: ReadonlyMap<StepId, StepResult>;
}

export interface StepOutcome {
  status: StepStatus;
  summary: string;
  evidence: string[];
  diagnoses: Diagnosis[];
  /** Facts other steps or the report use (the IP MEXC saw, the clock verdict…). */
  facts?: Record<string, string | number | boolean>;
}

export type StepRunner = (ctx: StepContext) => Promise<StepOutcome>;
