import type { LookupFunction } from 'node:net';
import { KEY_WIDE_REFUSAL_IDS, renderDiagnosis } from '../core/catalog/index.js';
import { judgeAnswer } from '../core/classify.js';
import { MexcClient } from '../core/client.js';
import { estimateClock, type ClockEstimate, type ClockSample } from '../core/clock.js';
import { findCredentials, lintCredentials, typedValue, type FoundCredentials } from '../core/credentials.js';
import { DEFAULT_SYMBOL } from '../core/defaults.js';
import { describeProxy } from '../core/proxy.js';
import { maskKey } from '../core/redact.js';
import { CLOCK_SAMPLES, KEY_STEP, stepBatches, stepIds, stepSpec, type FuturesStepId, type SpotStepId, type StepNeed } from '../core/step-table.js';
import type { Api, Cause, FixContext, Observation, StepId, StepResult } from '../core/types.js';
import { runAccount } from './account.js';
import { runClock } from './clock.js';
import { runConnectivity } from './connectivity.js';
import type { CheckOptions, ClockReading, SignedProbe, StepContext, StepOutcome, StepRunner } from './context.js';
import { runCredentials } from './credentials.js';
import { runFuturesAccount, runFuturesConnectivity, runFuturesTradeRead } from './futures.js';
import { loadMarket, type MarketInfo } from './market.js';
import { timingFor, type TimingSpec } from './timing.js';
import { runTrade } from './trade.js';
import { runTradeRead } from './trade-read.js';

const SPOT_RUNNERS = {
  credentials: runCredentials,
  connectivity: runConnectivity,
  clock: runClock,
  account: runAccount,
  'trade-read': runTradeRead,
  trade: runTrade,
} satisfies Record<SpotStepId, StepRunner>;

const FUTURES_RUNNERS = {
  credentials: runCredentials,
  connectivity: runFuturesConnectivity,
  clock: runClock,
  'futures-account': runFuturesAccount,
  'futures-trade-read': runFuturesTradeRead,
} satisfies Record<FuturesStepId, StepRunner>;

function runnerFor(api: Api, id: StepId): StepRunner {
  const runners: Partial<Record<StepId, StepRunner>> = api === 'futures' ? FUTURES_RUNNERS : SPOT_RUNNERS;
  const runner = runners[id];
  if (!runner) throw new Error(`no ${api} step ${id}`);
  return runner;
}

/** The step whose result settles each need (`signing` is settled locally, by the credentials found). */
function needSource(need: StepNeed, api: Api): StepId | undefined {
  return need === 'reachable' ? 'connectivity' : need === 'key-accepted' ? KEY_STEP[api] : undefined;
}

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
  /** How the user started the tool ("node bin/mexc-wizard.js"): the commands in fixes start with it. */
  invocation?: string;
}


export interface CheckReport {
  ok: boolean;
  /** Set for `check --futures`: the steps are the futures ones. */
  api?: 'futures';
  baseUrl: string;
  proxy?: string;
  key?: string;
  symbol?: string;
  steps: StepResult[];
  /** The clock estimate: offset (positive = local clock ahead) ± uncertainty, best round trip, every sample. */
  clock?: {
    localAheadMs: number;
    rttMs: number;
    uncertaintyMs: number;
    /** How old (negative) or early (positive) a request signed now reaches MEXC, over the samples used. */
    arrivalLeadMs: { min: number; max: number };
    samples: ClockEstimate['samples'];
  };
  /** The public IP MEXC reported in a 700006 answer. */
  mexcSawIp?: string;
}

/**
 * One diagnosis run: the guide's steps over one shared client, for one API (spot v3, or futures
 * with `api: 'futures'`: core/step-table.ts has both tables). The wizard runs steps one by one
 * (and re-runs them after a fix); `check` runs them all with independent requests overlapped.
 */
export class Session {
  readonly results = new Map<StepId, StepResult>();
  /** The API this session diagnoses; its steps are `stepIds(api)`. */
  readonly api: Api;
  private readonly timing: TimingSpec;
  private found: FoundCredentials;
  private typed: FoundCredentials = {};
  private client: MexcClient;
  private marketMemo?: Promise<MarketInfo>;
  private clockMemo?: Promise<ClockReading>;
  private probeMemo?: Promise<SignedProbe>;
  private facts: Record<string, string | number | boolean> = {};

  constructor(private readonly opts: SessionOptions) {
    this.api = opts.api ?? 'spot';
    this.timing = timingFor(this.api, opts.recvWindowMs, opts.futuresRecvWindowSec);
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

  /** The symbol the user's bot trades (the wizard asks): the trade steps use it from now on. */
  setSymbol(symbol: string): void {
    this.chosenSymbol = symbol;
    this.marketMemo = undefined;
    this.marketSymbol = undefined;
  }

  /** `--symbol`, or what the wizard was told; undefined: the market lookup picks one. */
  private get symbol(): string | undefined {
    return this.chosenSymbol ?? this.opts.symbol;
  }

  credentials(): FoundCredentials {
    return { apiKey: this.typed.apiKey ?? this.found.apiKey, secret: this.typed.secret ?? this.found.secret };
  }

  /** Runs one step (again). Earlier results decide whether it is skipped. */
  async runStep(id: StepId, how: { deferSkip?: boolean } = {}): Promise<StepResult> {
    if (id === 'credentials') {
      this.found = this.opts.loadCredentials();
      this.reset();
    } else if (this.results.has(id)) {
      // A re-run measures afresh: the user changed something.
      if (id === 'clock') this.clockMemo = undefined;
      if (id === 'trade' || id === 'trade-read') this.marketMemo = undefined;
    }
    // The signed probe is shared by the steps of one batch (check). A step run on its own (the
    // wizard, one screen after another) signs a fresh one: the user may have fixed something.
    if (!how.deferSkip && (id === 'clock' || id === KEY_STEP[this.api])) this.probeMemo = undefined;
    const started = this.opts.now();
    const skipReason = this.skipReason(id, how.deferSkip ? this.batchOf(id) : []);
    let result: StepResult;
    if (skipReason) {
      result = skipped(id, skipReason);
    } else {
      const outcome = await runnerFor(this.api, id)(this.context());
      if (id === KEY_STEP[this.api]) delete this.facts.refusedBy;
      Object.assign(this.facts, outcome.facts ?? {});
      result = toResult(id, outcome, this.opts.now() - started);
    }
    this.results.set(id, result);
    return result;
  }

  /**
   * Every step, batch by batch (core/step-table.ts): steps that may run alongside each other
   * have their requests in flight together, and a need that a step of the same batch settles is
   * checked once the batch is done (a step that connectivity rules out is then reported as
   * skipped). Clock samples go out first in their batch: their answers then come back before the
   * others' and are not delayed behind the parsing of bigger responses.
   */
  async runAll(): Promise<CheckReport> {
    for (const batch of stepBatches(this.api)) {
      const firing = [...batch].sort((a, b) => Number(b === 'clock') - Number(a === 'clock'));
      const running = firing.map((id) => this.runStep(id, { deferSkip: batch.length > 1 }));
      // The spot trade steps need a symbol: look it up while the batch runs. Futures needs none.
      if (this.api === 'spot' && batch.length > 1 && this.canSign() && batch.some((id) => stepSpec(id).needs.includes('signing'))) void this.market().catch(() => undefined);
      await Promise.all(running);
      for (const id of batch) {
        const reason = this.skipReason(id);
        if (reason && this.results.get(id)?.status !== 'skip') this.results.set(id, skipped(id, reason));
      }
    }
    return this.report();
  }

  report(): CheckReport {
    const steps = stepIds(this.api).map((id) => this.results.get(id)).filter((r): r is StepResult => Boolean(r));
    // The linted key: after a swap it is the value that really is the key, so no part of the
    // secret is ever shown masked as "the key".
    const key = this.lint().apiKey;
    return {
      ok: steps.every((s) => s.status !== 'fail'),
      ...(this.api === 'futures' ? { api: 'futures' as const } : {}),
      baseUrl: this.client.baseUrl,
      ...(this.client.proxy ? { proxy: this.client.proxy } : {}),
      ...(key ? { key: maskKey(key) } : {}),
      ...(this.marketSymbol ? { symbol: this.marketSymbol } : {}),
      steps,
      ...(this.lastClock
        ? {
            clock: {
              localAheadMs: this.lastClock.localAheadMs,
              rttMs: this.lastClock.rttMs,
              uncertaintyMs: this.lastClock.uncertaintyMs,
              arrivalLeadMs: { min: Math.round(this.lastClock.minArrivalLeadMs), max: Math.round(this.lastClock.maxArrivalLeadMs) },
              samples: this.lastClock.samples,
            },
          }
        : {}),
      ...(typeof this.facts.mexcSawIp === 'string' ? { mexcSawIp: this.facts.mexcSawIp } : {}),
    };
  }

  fixContext(): FixContext {
    const key = this.lint().apiKey;
    return {
      ...(key ? { apiKey: key } : {}),
      baseUrl: this.client.baseUrl,
      symbol: this.marketSymbol ?? this.symbol ?? DEFAULT_SYMBOL,
      recvWindowMs: this.opts.recvWindowMs,
      platform: this.opts.platform,
      ...(this.api === 'futures' ? { api: 'futures' as const } : {}),
      ...(this.opts.invocation ? { invocation: this.opts.invocation } : {}),
    };
  }

  close(): void {
    this.client.close();
  }

  // -------------------------------------------------------------------------------------------

  private marketSymbol?: string;
  private chosenSymbol?: string;

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
    this.probeMemo = undefined;
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

  private batchOf(id: StepId): StepId[] {
    return stepBatches(this.api).find((b) => b.includes(id)) ?? [];
  }

  /** Why a step cannot run, from its needs (core/step-table.ts); needs settled by `pending` steps are not checked yet. */
  private skipReason(id: StepId, pending: readonly StepId[] = []): string | undefined {
    for (const need of stepSpec(id, this.api).needs) {
      const source = needSource(need, this.api);
      if (source && pending.includes(source)) continue;
      const reason = this.unmet(need);
      if (reason) return reason;
    }
    return undefined;
  }

  private unmet(need: StepNeed): string | undefined {
    switch (need) {
      case 'reachable': {
        const c = this.results.get('connectivity');
        if (c?.status !== 'fail' && c?.status !== 'skip') return undefined;
        // Say what did arrive: a 429 or a maintenance page is an answer, not an unreachable host.
        const arrived = typeof this.facts.pingAnswer === 'string' && this.facts.pingAnswer ? this.facts.pingAnswer : undefined;
        return arrived ? `the ping got ${arrived}, not a healthy answer (see connectivity)` : 'MEXC is not reachable (see connectivity)';
      }
      case 'signing':
        return this.canSign() ? undefined : 'no API key and secret to sign with (see credentials)';
      case 'key-accepted': {
        const account = this.results.get(KEY_STEP[this.api]);
        if (account?.status !== 'fail') return undefined;
        // Refused for the whole key (or for the clock, which the clock step reports): every
        // other signed request would meet the same refusal.
        if (account.diagnoses.length === 0) {
          return this.facts.refusedBy === 'clock'
            ? `MEXC refused the ${this.api === 'futures' ? 'futures ' : ''}account request because of the clock (see clock); fix that first`
            : `the account request failed (${account.summary}); fix that first`;
        }
        if (!account.diagnoses.some((d) => KEY_WIDE_REFUSAL_IDS.has(d.id))) return undefined;
        return `the ${this.api === 'futures' ? 'futures ' : ''}account request was refused (${account.diagnoses[0]?.title}); fix that first`;
      }
    }
  }

  private context(): StepContext {
    const fixContext = () => this.fixContext();
    const proxy = this.client.proxy ? describeProxy(this.client.proxy) : undefined;
    return {
      options: this.opts,
      api: this.api,
      timing: this.timing,
      client: this.client,
      found: this.credentials(),
      lint: this.lint(),
      now: this.opts.now,
      fixContext,
      // Every request a step judges is this tool's own: fixes lead accordingly (a 700002 here is the secret).
      diagnose: (findings: Cause[]) => dedupe(findings).map((f) => renderDiagnosis(f, { ...fixContext(), requestSource: 'tool' })),
      judge: (obs, endpoint) => judgeAnswer(obs, endpoint, proxy ? { proxy } : {}),
      canSign: this.canSign(),
      market: () => this.market(),
      clock: () => this.clock(),
      signedProbe: () => this.signedProbe(),
      results: this.results,
    };
  }

  private market(): Promise<MarketInfo> {
    this.marketMemo ??= loadMarket(this.client, this.symbol).then((m) => {
      this.marketSymbol = m.symbol;
      return m;
    });
    return this.marketMemo;
  }

  private lastClock?: ClockEstimate;

  private clock(): Promise<ClockReading> {
    const timePath = this.timing.timeEndpoint.split(' ')[1]!;
    const toSample = (obs: Observation) => toClockSample(obs, this.timing);
    this.clockMemo ??= Promise.all(Array.from({ length: CLOCK_SAMPLES }, () => this.client.publicGet(timePath))).then((observations) => {
      const samples = observations.flatMap(toSample);
      const estimate = estimateClock(samples);
      if (estimate) this.lastClock = estimate;
      // Keep one answer that was not a sample, so the clock step can say what came instead.
      const failure = observations.find((o) => toSample(o).length === 0);
      return { ...(estimate ? { estimate } : {}), ...(failure ? { failure } : {}), usable: samples.length, sent: observations.length };
    });
    return this.clockMemo;
  }

  /** The first signed request, signed with local time or (a retry) with MEXC's time as measured. */
  private sendProbe(serverOffsetMs?: number): Promise<Observation> {
    const offset = serverOffsetMs !== undefined ? { serverOffsetMs } : {};
    if (this.api === 'futures') {
      const recvWindowSec = this.opts.futuresRecvWindowSec;
      return this.client.futuresSigned('GET', '/api/v1/private/account/assets', {}, { ...offset, ...(recvWindowSec !== undefined ? { recvWindowSec } : {}) });
    }
    return this.client.signed('GET', '/api/v3/account', [], offset);
  }

  private signedProbe(): Promise<SignedProbe> {
    this.probeMemo ??= (async (): Promise<SignedProbe> => {
      const proxy = this.client.proxy ? describeProxy(this.client.proxy) : undefined;
      const judge = (obs: Observation) => judgeAnswer(obs, this.timing.probeEndpoint, proxy ? { proxy } : {});
      const first = await this.sendProbe();
      const verdict = judge(first);
      const timestampRefused = !verdict.ok && verdict.findings.some((f) => f.id === 'timestamp-outside-recv-window');
      if (!timestampRefused) return { first, verdict, timestampRefused };
      // Prove (or rule out) the clock: sign once more with MEXC's time as measured.
      const clock = (await this.clock()).estimate;
      if (!clock) return { first, verdict, timestampRefused };
      const retry = await this.sendProbe(-clock.localAheadMs);
      return { first, verdict, timestampRefused, retry, retryVerdict: judge(retry), clock };
    })();
    return this.probeMemo;
  }
}

/** A server-time answer is a sample only when it has a plausible millisecond time (steps/timing.ts). */
function toClockSample(obs: Observation, timing: TimingSpec): ClockSample[] {
  if (obs.networkError || obs.status !== 200) return [];
  const serverTimeMs = timing.serverTimeOf(obs.json);
  if (serverTimeMs === undefined) return [];
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
  return { id, status: o.status, summary: o.summary, evidence: o.evidence, diagnoses: o.diagnoses, durationMs, ...(o.timing ? { timing: o.timing } : {}) };
}

/** One diagnosis per id: the first finding carries the facts. */
function dedupe(findings: Cause[]): Cause[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

export function createSession(opts: Omit<SessionOptions, 'loadCredentials'> & { loadCredentials?: () => FoundCredentials }): Session {
  return new Session({ ...opts, loadCredentials: opts.loadCredentials ?? (() => findCredentials({ env: opts.env })) });
}
