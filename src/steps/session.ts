import type { LookupFunction } from 'node:net';
import { implausibleMs } from '../core/answers.js';
import { KEY_WIDE_REFUSAL_IDS, renderDiagnosis } from '../core/catalog/index.js';
import { judgeAnswer } from '../core/classify.js';
import { MexcClient } from '../core/client.js';
import { estimateClock, type ClockEstimate, type ClockSample } from '../core/clock.js';
import { findCredentials, lintCredentials, typedValue, type FoundCredentials } from '../core/credentials.js';
import { describeProxy } from '../core/proxy.js';
import { maskKey } from '../core/redact.js';
import { CLOCK_SAMPLES, stepBatches, stepSpec, type StepNeed } from '../core/step-table.js';
import { STEP_IDS, type Finding, type FixContext, type Observation, type StepId, type StepResult } from '../core/types.js';
import { runAccount } from './account.js';
import { runClock } from './clock.js';
import { runConnectivity } from './connectivity.js';
import type { CheckOptions, ClockReading, SignedProbe, StepContext, StepOutcome, StepRunner } from './context.js';
import { runCredentials } from './credentials.js';
import { loadMarket, type MarketInfo } from './market.js';
import { runTrade } from './trade.js';
import { runTradeRead } from './trade-read.js';

const RUNNERS = {
  credentials: runCredentials,
  connectivity: runConnectivity,
  clock: runClock,
  account: runAccount,
  'trade-read': runTradeRead,
  trade: runTrade,
} satisfies Record<StepId, StepRunner>;

/** The step whose result settles each need (`signing` is settled locally, by the credentials found). */
const NEED_SOURCE: Record<StepNeed, StepId | undefined> = { reachable: 'connectivity', signing: undefined, 'key-accepted': 'account' };

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
 * One diagnosis run: the guide's steps over one shared client. The wizard runs steps one by one
 * (and re-runs them after a fix); `check` runs them all with independent requests overlapped.
 */
export class Session {
  readonly results = new Map<StepId, StepResult>();
  private found: FoundCredentials;
  private typed: FoundCredentials = {};
  private client: MexcClient;
  private marketMemo?: Promise<MarketInfo>;
  private clockMemo?: Promise<ClockReading>;
  private probeMemo?: Promise<SignedProbe>;
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
    } else if (this.results.has(id)) {
      // A re-run measures afresh: the user changed something.
      if (id === 'clock') this.clockMemo = undefined;
      if (id === 'trade' || id === 'trade-read') this.marketMemo = undefined;
    }
    // The signed probe is shared by the steps of one batch (check). A step run on its own (the
    // wizard, one screen after another) signs a fresh one: the user may have fixed something.
    if (!how.deferSkip && (id === 'clock' || id === 'account')) this.probeMemo = undefined;
    const started = this.opts.now();
    const skipReason = this.skipReason(id, how.deferSkip ? this.batchOf(id) : []);
    let result: StepResult;
    if (skipReason) {
      result = skipped(id, skipReason);
    } else {
      const outcome = await RUNNERS[id](this.context());
      if (id === 'account') delete this.facts.refusedBy;
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
  async runAll(onEvent?: (e: SessionEvent) => void): Promise<CheckReport> {
    const emit = (r: StepResult) => onEvent?.({ type: 'done', result: r });
    for (const batch of stepBatches()) {
      for (const id of batch) onEvent?.({ type: 'start', id });
      const firing = [...batch].sort((a, b) => Number(b === 'clock') - Number(a === 'clock'));
      const running = firing.map((id) => this.runStep(id, { deferSkip: batch.length > 1 }));
      if (batch.length > 1 && this.canSign() && batch.some((id) => stepSpec(id).needs.includes('signing'))) void this.market().catch(() => undefined);
      await Promise.all(running);
      for (const id of batch) {
        const reason = this.skipReason(id);
        if (reason && this.results.get(id)?.status !== 'skip') this.results.set(id, skipped(id, reason));
        emit(this.results.get(id)!);
      }
    }
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
    return stepBatches().find((b) => b.includes(id)) ?? [];
  }

  /** Why a step cannot run, from its needs (core/step-table.ts); needs settled by `pending` steps are not checked yet. */
  private skipReason(id: StepId, pending: readonly StepId[] = []): string | undefined {
    for (const need of stepSpec(id).needs) {
      const source = NEED_SOURCE[need];
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
        return c?.status === 'fail' || c?.status === 'skip' ? 'MEXC is not reachable (see connectivity)' : undefined;
      }
      case 'signing':
        return this.canSign() ? undefined : 'no API key and secret to sign with (see credentials)';
      case 'key-accepted': {
        const account = this.results.get('account');
        if (account?.status !== 'fail') return undefined;
        // Refused for the whole key (or for the clock, which the clock step reports): every
        // other signed request would meet the same refusal.
        if (account.diagnoses.length === 0) {
          return this.facts.refusedBy === 'clock'
            ? 'MEXC refused the account request because of the clock (see clock); fix that first'
            : `the account request failed (${account.summary}); fix that first`;
        }
        if (!account.diagnoses.some((d) => KEY_WIDE_REFUSAL_IDS.has(d.id))) return undefined;
        return `the account request was refused (${account.diagnoses[0]?.title}); fix that first`;
      }
    }
  }

  private context(): StepContext {
    const fixContext = () => this.fixContext();
    const proxy = this.client.proxy ? describeProxy(this.client.proxy) : undefined;
    return {
      options: this.opts,
      client: this.client,
      found: this.credentials(),
      lint: this.lint(),
      now: this.opts.now,
      fixContext,
      // Every request a step judges is this tool's own: fixes lead accordingly (a 700002 here is the secret).
      diagnose: (findings: Finding[]) => dedupe(findings).map((f) => renderDiagnosis(f, { ...fixContext(), requestSource: 'tool' })),
      judge: (obs, endpoint) => judgeAnswer(obs, endpoint, proxy ? { proxy } : {}),
      canSign: this.canSign(),
      market: () => this.market(),
      clock: () => this.clock(),
      signedProbe: () => this.signedProbe(),
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

  private clock(): Promise<ClockReading> {
    this.clockMemo ??= Promise.all(Array.from({ length: CLOCK_SAMPLES }, () => this.client.publicGet('/api/v3/time'))).then((observations) => {
      const samples = observations.flatMap(toClockSample);
      const estimate = estimateClock(samples);
      if (estimate) this.lastClock = estimate;
      // Keep one answer that was not a sample, so the clock step can say what came instead.
      const failure = observations.find((o) => toClockSample(o).length === 0);
      return { ...(estimate ? { estimate } : {}), ...(failure ? { failure } : {}), usable: samples.length, sent: observations.length };
    });
    return this.clockMemo;
  }

  private signedProbe(): Promise<SignedProbe> {
    this.probeMemo ??= (async (): Promise<SignedProbe> => {
      const proxy = this.client.proxy ? describeProxy(this.client.proxy) : undefined;
      const judge = (obs: Observation) => judgeAnswer(obs, 'GET /api/v3/account', proxy ? { proxy } : {});
      const first = await this.client.signed('GET', '/api/v3/account');
      const verdict = judge(first);
      const timestampRefused = !verdict.ok && verdict.findings.some((f) => f.id === 'timestamp-outside-recv-window');
      if (!timestampRefused) return { first, verdict, timestampRefused };
      // Prove (or rule out) the clock: sign once more with MEXC's time as measured.
      const clock = (await this.clock()).estimate;
      if (!clock) return { first, verdict, timestampRefused };
      const retry = await this.client.signed('GET', '/api/v3/account', [], { serverOffsetMs: -clock.localAheadMs });
      return { first, verdict, timestampRefused, retry, retryVerdict: judge(retry), clock };
    })();
    return this.probeMemo;
  }
}

/** A /time answer is a sample only when it has a plausible millisecond serverTime. */
function toClockSample(obs: Observation): ClockSample[] {
  if (obs.networkError || obs.status !== 200) return [];
  const serverTime = (obs.json as { serverTime?: unknown } | undefined)?.serverTime;
  if (implausibleMs(serverTime, 'serverTime') !== undefined) return [];
  return [
    {
      localSentMs: obs.wireSentAtMs ?? obs.sentAtMs,
      localReceivedMs: obs.wireFirstByteAtMs ?? obs.receivedAtMs,
      serverTimeMs: serverTime as number,
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
