import type { LookupFunction } from 'node:net';
import { renderDiagnosis } from '../core/catalog/index.js';
import { classifyClock, classifyObservation } from '../core/classify.js';
import { MexcClient } from '../core/client.js';
import { estimateClock, type ClockEstimate, type ClockSample } from '../core/clock.js';
import { findCredentials, lintCredentials, typedValue, type FoundCredentials } from '../core/credentials.js';
import { maskKey } from '../core/redact.js';
import { STEP_IDS, type Finding, type FixContext, type Observation, type StepId, type StepResult } from '../core/types.js';
import { runAccount } from './account.js';
import { runClock } from './clock.js';
import { runConnectivity } from './connectivity.js';
import type { CheckOptions, StepContext, StepOutcome, StepRunner } from './context.js';
import { runCredentials } from './credentials.js';
import { loadMarket, type MarketInfo } from './market.js';
import { runTrade } from './trade.js';
import { runTradeRead } from './trade-read.js';

const RUNNERS: Record<StepId, StepRunner> = {
  credentials: runCredentials,
  connectivity: runConnectivity,
  clock: runClock,
  account: runAccount,
  'trade-read': runTradeRead,
  trade: runTrade,
};

/** How many /api/v3/time samples the clock step takes, concurrently. */
const CLOCK_SAMPLES = 4;

export interface SessionOptions extends CheckOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Reads credentials afresh (the wizard re-runs after the user edits .env). */
  loadCredentials: () => FoundCredentials;
  now: () => number;
  platform: NodeJS.Platform;
  signal?: AbortSignal;
  dnsLookup?: LookupFunction;
  /** `--allow-insecure-http`: the client may sign over plain http to a host that is not loopback. */
  allowInsecureHttp?: boolean;
}

export type SessionEvent = { type: 'start'; id: StepId } | { type: 'done'; result: StepResult };

export interface CheckReport {
  ok: boolean;
  baseUrl: string;
  proxy?: string;
  key?: string;
  symbol?: string;
  steps: StepResult[];
  /** The clock estimate: offset (positive = local clock ahead), best round trip, every sample. */
  clock?: { localAheadMs: number; rttMs: number; uncertaintyMs: number; samples: ClockEstimate['samples'] };
  /** The public IP MEXC reported in a 700006 answer. */
  mexcSawIp?: string;
}

/**
 * One diagnosis run: the guide's steps over one shared client. The wizard runs steps one by one
 * (and re-runs them after a fix); `check` runs them all with independent requests overlapped.
 */
export class Session {
  readonly results = new Map<StepId, StepResult>();
  private found: FoundCredentials;
  private typed: FoundCredentials = {};
  private client: MexcClient;
  private marketMemo?: Promise<MarketInfo>;
  private clockMemo?: Promise<ClockEstimate | undefined>;
  private facts: Record<string, string | number | boolean> = {};

  constructor(private readonly opts: SessionOptions) {
    this.found = opts.loadCredentials();
    this.client = this.makeClient();
  }

  get options(): SessionOptions {
    return this.opts;
  }

  /** Credentials typed in the wizard take the place of missing ones. */
  setTypedCredentials(apiKey: string | undefined, secret: string | undefined): void {
    this.typed = {
      ...(apiKey ? { apiKey: typedValue('key', apiKey) } : {}),
      ...(secret ? { secret: typedValue('secret', secret) } : {}),
    };
    this.reset();
  }

  credentials(): FoundCredentials {
    return { apiKey: this.typed.apiKey ?? this.found.apiKey, secret: this.typed.secret ?? this.found.secret };
  }

  /** Runs one step (again). Earlier results decide whether it is skipped. */
  async runStep(id: StepId, how: { deferSkip?: boolean } = {}): Promise<StepResult> {
    if (id === 'credentials') {
      this.found = this.opts.loadCredentials();
      this.reset();
    }
    if (id === 'clock') this.clockMemo = undefined;
    const started = this.opts.now();
    const skipReason = how.deferSkip ? undefined : this.skipReason(id);
    let result: StepResult;
    if (skipReason) {
      result = skipped(id, skipReason);
    } else {
      const outcome = await RUNNERS[id](this.context());
      Object.assign(this.facts, outcome.facts ?? {});
      result = toResult(id, outcome, this.opts.now() - started);
    }
    this.results.set(id, result);
    return result;
  }

  /**
   * Every step, overlapping what is independent. Waiting for connectivity before the clock and
   * account requests would cost a round trip, so the ping, the clock samples, the market lookups
   * and the signed account call go out together; steps that connectivity rules out are then
   * reported as skipped. The two trade probes follow together.
   */
  async runAll(onEvent?: (e: SessionEvent) => void): Promise<CheckReport> {
    const emit = (r: StepResult) => {
      onEvent?.({ type: 'done', result: r });
      return r;
    };
    onEvent?.({ type: 'start', id: 'credentials' });
    emit(await this.runStep('credentials'));
    const together: StepId[] = this.canSign() ? ['connectivity', 'clock', 'account'] : ['connectivity', 'clock'];
    for (const id of together) onEvent?.({ type: 'start', id });
    // Clock samples go out first: their answers then come back before the others' and are not
    // delayed behind the parsing of bigger responses, which would blur the offset estimate.
    const firing = ['clock', ...together.filter((id) => id !== 'clock')] as StepId[];
    const running = firing.map((id) => this.runStep(id, { deferSkip: true }));
    if (this.canSign()) void this.market().catch(() => undefined);
    await Promise.all(running);
    for (const id of together) {
      const reason = this.skipReason(id);
      if (reason) this.results.set(id, skipped(id, reason));
      emit(this.results.get(id)!);
    }
    if (!together.includes('account')) {
      onEvent?.({ type: 'start', id: 'account' });
      emit(await this.runStep('account'));
    }
    const last: StepId[] = ['trade-read', 'trade'];
    for (const id of last) onEvent?.({ type: 'start', id });
    await Promise.all(last.map((id) => this.runStep(id).then(emit)));
    return this.report();
  }

  report(): CheckReport {
    const steps = STEP_IDS.map((id) => this.results.get(id)).filter((r): r is StepResult => Boolean(r));
    // The linted key: after a swap it is the value that really is the key, so no part of the
    // secret is ever shown masked as "the key".
    const key = this.lint().apiKey;
    return {
      ok: steps.every((s) => s.status !== 'fail'),
      baseUrl: this.client.baseUrl,
      ...(this.client.proxy ? { proxy: this.client.proxy } : {}),
      ...(key ? { key: maskKey(key) } : {}),
      ...(this.marketSymbol ? { symbol: this.marketSymbol } : {}),
      steps,
      ...(this.lastClock
        ? { clock: { localAheadMs: this.lastClock.localAheadMs, rttMs: this.lastClock.rttMs, uncertaintyMs: this.lastClock.uncertaintyMs, samples: this.lastClock.samples } }
        : {}),
      ...(typeof this.facts.mexcSawIp === 'string' ? { mexcSawIp: this.facts.mexcSawIp } : {}),
    };
  }

  fixContext(): FixContext {
    const key = this.lint().apiKey;
    return {
      ...(key ? { apiKey: key } : {}),
      baseUrl: this.client.baseUrl,
      symbol: this.marketSymbol ?? this.opts.symbol ?? 'BTCUSDT',
      recvWindowMs: this.opts.recvWindowMs,
      platform: this.opts.platform,
    };
  }

  close(): void {
    this.client.close();
  }

  // -------------------------------------------------------------------------------------------

  private marketSymbol?: string;

  private canSign(): boolean {
    const c = this.credentials();
    return Boolean(c.apiKey && c.secret);
  }

  private lint() {
    return lintCredentials(this.credentials());
  }

  private reset(): void {
    this.client.close();
    this.client = this.makeClient();
    this.marketMemo = undefined;
    this.clockMemo = undefined;
  }

  private makeClient(): MexcClient {
    const lint = lintCredentials(this.credentials());
    return new MexcClient({
      baseUrl: this.opts.baseUrl,
      timeoutMs: this.opts.timeoutMs,
      recvWindowMs: this.opts.recvWindowMs,
      now: this.opts.now,
      env: this.opts.env,
      ...(lint.apiKey ? { apiKey: lint.apiKey } : {}),
      ...(lint.secret ? { secret: lint.secret } : {}),
      ...(this.opts.signal ? { signal: this.opts.signal } : {}),
      ...(this.opts.dnsLookup ? { dnsLookup: this.opts.dnsLookup } : {}),
      ...(this.opts.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
    });
  }

  private skipReason(id: StepId): string | undefined {
    const failed = (s: StepId) => this.results.get(s)?.status === 'fail';
    const skipped = (s: StepId) => this.results.get(s)?.status === 'skip';
    if (id === 'credentials' || id === 'connectivity') return undefined;
    if (failed('connectivity') || skipped('connectivity')) return 'MEXC is not reachable (see connectivity)';
    if (id === 'clock') return undefined;
    if (!this.canSign()) return 'no API key and secret to sign with (see credentials)';
    if (id === 'account') return undefined;
    const account = this.results.get('account');
    if (account?.status === 'fail' && !account.diagnoses.every((d) => d.id === 'permission-denied')) {
      return `the account request was refused (${account.diagnoses[0]?.title ?? 'see account'}); fix that first`;
    }
    return undefined;
  }

  private context(): StepContext {
    const fixContext = () => this.fixContext();
    return {
      options: this.opts,
      client: this.client,
      found: this.credentials(),
      lint: this.lint(),
      now: this.opts.now,
      fixContext,
      diagnose: (findings: Finding[]) => dedupe(findings).map((f) => renderDiagnosis(f, fixContext())),
      classify: (obs: Observation) => classifyObservation(obs),
      classifyClock: (a, r, w) => classifyClock(a, r, w),
      market: () => this.market(),
      clock: () => this.clock(),
      clockFailure: () => this.clockFailure,
      results: this.results,
    };
  }

  private market(): Promise<MarketInfo> {
    this.marketMemo ??= loadMarket(this.client, this.opts.symbol).then((m) => {
      this.marketSymbol = m.symbol;
      return m;
    });
    return this.marketMemo;
  }

  private lastClock?: ClockEstimate;
  private clockFailure?: Observation;

  private clock(): Promise<ClockEstimate | undefined> {
    this.clockMemo ??= Promise.all(Array.from({ length: CLOCK_SAMPLES }, () => this.client.publicGet('/api/v3/time'))).then((observations) => {
      const estimate = estimateClock(observations.flatMap(toClockSample));
      if (estimate) this.lastClock = estimate;
      // Without an estimate, keep one answer so the clock step can say what went wrong.
      this.clockFailure = estimate ? undefined : observations[0];
      return estimate;
    });
    return this.clockMemo;
  }
}

function toClockSample(obs: Observation): ClockSample[] {
  const serverTimeMs = Number((obs.json as { serverTime?: unknown } | undefined)?.serverTime);
  if (obs.networkError || !Number.isFinite(serverTimeMs)) return [];
  return [
    {
      localSentMs: obs.wireSentAtMs ?? obs.sentAtMs,
      localReceivedMs: obs.wireFirstByteAtMs ?? obs.receivedAtMs,
      serverTimeMs,
    },
  ];
}

function skipped(id: StepId, reason: string): StepResult {
  // The status column already says SKIP: the summary is just the reason.
  const summary = reason.charAt(0).toUpperCase() + reason.slice(1);
  return { id, status: 'skip', summary, evidence: [], diagnoses: [], skipReason: reason, durationMs: 0 };
}

function toResult(id: StepId, o: StepOutcome, durationMs: number): StepResult {
  return { id, status: o.status, summary: o.summary, evidence: o.evidence, diagnoses: o.diagnoses, durationMs };
}

/** One diagnosis per id: the first finding carries the facts. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

export function createSession(opts: Omit<SessionOptions, 'loadCredentials'> & { loadCredentials?: () => FoundCredentials }): Session {
  return new Session({ ...opts, loadCredentials: opts.loadCredentials ?? (() => findCredentials({ env: opts.env })) });
}
