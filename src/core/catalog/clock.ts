import { estimateFromOffset, futuresWindow, judgeClock } from '../clock.js';
import type { Fix, FixContext } from '../types.js';
import { formatMs } from './evidence.js';
import { clockSyncFixes, recvWindowFixes, serverTimeOffsetFixes, stillFailingFix, suggestedRecvWindowMs } from './fixes.js';
import { FUTURES_SECONDS_FIX, futuresRecvWindowFix, futuresStillFailingFix, isFuturesCase } from './futures.js';
import { SOURCES } from './sources.js';
import type { CatalogGroup, Facts } from './types.js';

/**
 * Timing problems. MEXC accepts a request only if `timestamp < serverTime + 1000` and
 * `serverTime - timestamp <= recvWindow` (docs/mexc-api.md §1.1): the window only reaches into
 * the past, so a bigger recvWindow helps a slow clock and never a fast one. The futures API
 * accepts a Request-Time within 10 s of its clock either way, or within the Recv-Window header's
 * seconds (docs/mexc-api.md §6): facts carry `futuresWindowSec` (or `api: 'futures'`) then.
 */

const isFuturesTiming = (f: Facts, ctx?: FixContext) => typeof f.futuresWindowSec === 'number' || isFuturesCase(f, ctx);
const windowSecOf = (f: Facts) => (typeof f.futuresWindowSec === 'number' ? f.futuresWindowSec : 10);

const num = (facts: Facts, key: string): number | undefined => (typeof facts[key] === 'number' ? (facts[key] as number) : undefined);

const NO_RECV_WINDOW: Fix = {
  title: 'Do not raise recvWindow for this',
  lang: 'text',
  text: 'recvWindow only allows timestamps in the past. A clock that runs ahead is rejected at 1 s no matter what recvWindow says: sync the clock.',
};

/**
 * The clock verdict for a 700003: the one the classifier was given, or one derived from a
 * measured offset that a step attached later (facts.localAheadMs without a verdict).
 */
function verdictOf(facts: Facts, recvWindowMs: number): string | undefined {
  if (typeof facts.clockVerdict === 'string') return facts.clockVerdict;
  const ahead = num(facts, 'localAheadMs');
  if (ahead === undefined) return undefined;
  const window = isFuturesTiming(facts) ? futuresWindow(windowSecOf(facts) * 1000) : (num(facts, 'recvWindowMs') ?? recvWindowMs);
  return judgeClock(estimateFromOffset(ahead, num(facts, 'rttMs') ?? 0), window).verdict;
}

/** The futures window widens both ways, so it is a stopgap for either side; a bigger one never replaces syncing. */
function futuresClockFixes(ctx: FixContext, f: Facts): Fix[] {
  const widen = futuresRecvWindowFix(num(f, 'arrivalLeadMs') ?? num(f, 'localAheadMs'));
  return [...clockSyncFixes(ctx.platform), ...(widen ? [widen] : []), ...serverTimeOffsetFixes(), futuresStillFailingFix()];
}

const FUTURES_RULE = "MEXC's futures API accepts a request only if its Request-Time (milliseconds) is within 10 s of MEXC's clock, either way (or within the seconds of a Recv-Window header, at most 60).";

function lagMs(facts: Facts): number | undefined {
  const lead = num(facts, 'arrivalLeadMs') ?? num(facts, 'localAheadMs');
  return lead === undefined ? undefined : Math.max(0, -lead);
}

function behindFixes(ctx: FixContext, facts: Facts): Fix[] {
  const suggested = suggestedRecvWindowMs(num(facts, 'recvWindowMs') ?? ctx.recvWindowMs, lagMs(facts));
  return [
    ...clockSyncFixes(ctx.platform),
    ...(suggested ? recvWindowFixes(suggested) : []),
    ...serverTimeOffsetFixes(),
  ];
}

function aheadFixes(ctx: FixContext): Fix[] {
  return [...clockSyncFixes(ctx.platform), NO_RECV_WINDOW, ...serverTimeOffsetFixes()];
}

const SECONDS_FIX: Fix = {
  title: 'Send the timestamp in milliseconds',
  lang: 'text',
  text: 'JavaScript: Date.now()   (not Math.floor(Date.now() / 1000))\nPython: int(time.time() * 1000)   (not int(time.time()))',
};

const FRESH_TIMESTAMP_FIX: Fix = {
  title: 'Take the timestamp right before sending, and never resend a signed request',
  lang: 'text',
  text: 'Sign immediately before the HTTP call. A request signed and then queued, retried or replayed later carries an old timestamp; sign it again instead.',
};

const MEASURE_FIX: Fix = {
  title: 'Measure your clock against MEXC',
  lang: 'sh',
  text: 'npx mexc-wizard check   # the clock step shows how far ahead or behind you are',
};

const REQUEST_TIME_FIX: Fix = {
  title: 'Futures or old v2 code? Sign the way spot v3 expects',
  lang: 'text',
  text: 'Spot v3 (https://api.mexc.com/api/v3/...) takes timestamp (milliseconds), recvWindow and signature as query parameters and the key in the X-MEXC-APIKEY header. Request-Time / ApiKey headers and api_key / req_time / sign parameters belong to the futures and the retired v2 APIs.',
};

/** A futures 513: which side of the window, from the clock verdict when there is one. */
function futuresTimestampExplanation(f: Facts): string {
  if (f.timestampInSeconds) return `${FUTURES_RULE} Request-Time was sent in seconds, so MEXC reads it as a date in 1970.`;
  const aheadMs = num(f, 'localAheadMs');
  switch (verdictOf(f, 5000)) {
    case 'ahead':
      return `${FUTURES_RULE} Your clock runs ${aheadMs !== undefined ? formatMs(aheadMs) + ' ' : ''}ahead, beyond that window.`;
    case 'behind':
      return `${FUTURES_RULE} Your clock runs ${aheadMs !== undefined ? formatMs(aheadMs) + ' ' : ''}behind, beyond that window.`;
    case 'ok':
    case 'near-edge':
      return `${FUTURES_RULE} Your clock agrees with MEXC now, so the Request-Time was probably taken too early (signed, then queued or retried), or the request was slow in transit.`;
    default:
      return `${FUTURES_RULE} The usual causes: a system clock that is off by more than 10 s, or a Request-Time in seconds instead of milliseconds (code 513 "Invalid request(for open api serves time more or less than 10s)").`;
  }
}

function futuresTimestampFixes(ctx: FixContext, f: Facts): Fix[] {
  if (f.timestampInSeconds) return [FUTURES_SECONDS_FIX, futuresStillFailingFix()];
  switch (verdictOf(f, 5000)) {
    case 'ahead':
    case 'behind':
      return futuresClockFixes(ctx, f);
    case 'ok':
    case 'near-edge':
      return [FRESH_TIMESTAMP_FIX, ...clockSyncFixes(ctx.platform).slice(0, 1), futuresStillFailingFix()];
    default:
      return [{ ...MEASURE_FIX, text: 'npx mexc-wizard check --futures   # the clock step shows how far ahead or behind you are' }, FUTURES_SECONDS_FIX, ...clockSyncFixes(ctx.platform), futuresRecvWindowFix()!, FRESH_TIMESTAMP_FIX, futuresStillFailingFix()];
  }
}

/** The futures window is symmetric, so both sides read alike. */
function futuresClockExplanation(f: Facts, side: 'ahead' | 'behind'): string {
  const lead = f.uncertain
    ? 'Some measurements put requests outside the futures time window, others inside, so this is not proven either way: '
    : f.nearEdge
      ? 'Requests still pass, but only just: '
      : 'MEXC will reject every signed futures request with 513: ';
  const travel = side === 'behind' ? ' (with the travel time to MEXC)' : '';
  const how = f.uncertain ? `may be ${side} by that much` : f.nearEdge ? `is ${side}, close to that limit` : `is ${side} by more than that`;
  return `${lead}${FUTURES_RULE} Your clock${travel} ${how}. Sync the system clock.`;
}

function futuresClockTitle(f: Facts, side: 'ahead of' | 'behind'): string {
  const window = `the futures window (${windowSecOf(f)} s)`;
  if (f.latencyCause) return `Requests reach MEXC ${f.nearEdge || f.uncertain ? 'close to the limit of' : 'older than'} ${window} (slow network)`;
  if (f.uncertain) return `Your clock may be ${side} MEXC by more than ${window}`;
  if (f.nearEdge) return `Your clock is ${side} MEXC, close to the limit of ${window}`;
  return `Your clock is ${side} MEXC by more than ${window}`;
}

const ahead = (f: Facts) => (f.uncertain ? 'may be ahead of' : f.nearEdge ? 'is almost 1 s ahead of' : 'is ahead of');

export const clockEntries = {
  'clock-ahead': {
    title: (f) => (isFuturesTiming(f) ? futuresClockTitle(f, 'ahead of') : `Your clock ${ahead(f)} MEXC`),
    explanation: (f, ctx) =>
      isFuturesTiming(f, ctx)
        ? futuresClockExplanation(f, 'ahead')
        : (f.uncertain
            ? `Some measurements land a request 1 s or more in MEXC's future, others do not (uncertainty ±${num(f, 'uncertaintyMs') ?? '?'} ms), so this is not proven either way: `
            : f.nearEdge
              ? 'Requests still pass, but only just: '
              : 'MEXC will reject every signed request with 700003: ') +
          'MEXC refuses any timestamp that lands 1 second or more in its future. A bigger recvWindow cannot help, because it only allows timestamps in the past. Sync the system clock.',
    evidence: ['localAheadMs', 'uncertaintyMs', 'rttMs', 'arrivalLeadMs', 'futuresWindowSec', 'scatterMs', 'marginMs', 'signedProof'],
    fixes: (ctx, f) => (isFuturesTiming(f, ctx) ? futuresClockFixes(ctx, f) : [...aheadFixes(ctx), stillFailingFix()]),
    reads: {
      messages: [
        {
          pattern: /timestamp for this request was \d{1,9} ?ms ahead of the server'?s time/,
          example: "Timestamp for this request was 1000ms ahead of the server's time.",
          source: SOURCES.binance,
        },
      ],
    },
    refusal: false,
    helpers: [],
  },
  'clock-behind': {
    title: (f) =>
      isFuturesTiming(f)
        ? futuresClockTitle(f, 'behind')
        : f.latencyCause
        ? f.nearEdge || f.uncertain
          ? 'Requests reach MEXC close to the recvWindow limit (slow network)'
          : 'Requests reach MEXC older than recvWindow allows (slow network)'
        : f.uncertain
          ? 'Your clock may be behind MEXC by more than recvWindow allows'
          : f.nearEdge
            ? 'Your clock is close to falling outside recvWindow'
            : 'Your clock is behind MEXC by more than recvWindow allows',
    explanation: (f, ctx) =>
      isFuturesTiming(f, ctx)
        ? futuresClockExplanation(f, 'behind')
        : (f.uncertain
        ? 'Some measurements put requests outside recvWindow, others inside, so this is not proven either way: '
        : f.nearEdge
          ? 'Requests still pass, but only just: '
          : 'MEXC will reject signed requests with 700003: ') +
      `MEXC accepts a timestamp at most recvWindow (${num(f, 'recvWindowMs') ?? 5000} ms) old on arrival, and ` +
      (f.latencyCause
        ? `the travel time to MEXC (round trip ${num(f, 'rttMs') ?? '?'} ms) uses most of that; your clock may well be right. A bigger recvWindow (at most 59999) or a server closer to MEXC helps.`
        : "your clock's lag plus the travel time comes close to or beyond that. Syncing the clock is the fix; a bigger recvWindow (at most 59999) only buys time."),
    evidence: ['localAheadMs', 'uncertaintyMs', 'rttMs', 'recvWindowMs', 'futuresWindowSec', 'arrivalLeadMs', 'scatterMs', 'marginMs', 'signedProof'],
    fixes: (ctx, f) => (isFuturesTiming(f, ctx) ? futuresClockFixes(ctx, f) : [...behindFixes(ctx, f), stillFailingFix()]),
    reads: {},
    refusal: false,
    helpers: [],
  },
  'timestamp-outside-recv-window': {
    title: (f) => (isFuturesTiming(f) ? `Request-Time outside the futures time window (${windowSecOf(f)} s)` : 'Timestamp outside the recvWindow'),
    explanation: (f, ctx) => {
      if (isFuturesTiming(f, ctx)) return futuresTimestampExplanation(f);
      const rule =
        "MEXC accepts a signed request only if its timestamp is less than 1 s ahead of MEXC's clock and no more than recvWindow (default 5000 ms) behind it.";
      if (f.timestampInSeconds) return `${rule} The timestamp was sent in seconds, so MEXC reads it as a date in 1970.`;
      const aheadMs = num(f, 'localAheadMs');
      switch (verdictOf(f, num(f, 'recvWindowMs') ?? 5000)) {
        case 'ahead':
          return `${rule} Your clock runs ${aheadMs !== undefined ? formatMs(aheadMs) + ' ' : ''}ahead, so requests land in MEXC's future. A bigger recvWindow cannot fix that.`;
        case 'behind':
          return `${rule} Your clock runs ${aheadMs !== undefined ? formatMs(aheadMs) + ' ' : ''}behind, so requests arrive too old.`;
        case 'ok':
        case 'near-edge':
          return `${rule} Your clock agrees with MEXC now, so the timestamp was probably taken too early (signed, then queued or retried), or the request was slow in transit.`;
        default:
          return f.hint === 'request-time'
            ? `${rule} Code 10073 "Invalid Request-Time" says the time sent is not a valid current time: a timestamp in seconds instead of milliseconds, a clock that runs ahead, or a futures/v2-style Request-Time sent to spot v3.`
            : `${rule} The usual cause is a system clock that is off: ahead by 1 s or more (recvWindow cannot help), or behind by more than recvWindow.`;
      }
    },
    evidence: ['clockVerdict', 'localAheadMs', 'rttMs', 'retryFixed', 'timestampInSeconds', 'timestampMs', 'recvWindowMs', 'futuresWindowSec'],
    fixes: (ctx, f) => {
      if (isFuturesTiming(f, ctx)) return futuresTimestampFixes(ctx, f);
      if (f.timestampInSeconds) return [SECONDS_FIX, stillFailingFix()];
      switch (verdictOf(f, ctx.recvWindowMs)) {
        case 'ahead':
          return [...aheadFixes(ctx), stillFailingFix()];
        case 'behind':
          return [...behindFixes(ctx, f), stillFailingFix()];
        case 'ok':
        case 'near-edge':
          return [FRESH_TIMESTAMP_FIX, ...clockSyncFixes(ctx.platform).slice(0, 1), stillFailingFix()];
        default:
          return [
            ...(f.hint === 'request-time' ? [SECONDS_FIX] : []),
            MEASURE_FIX,
            ...clockSyncFixes(ctx.platform),
            {
              title: 'Raise recvWindow only if the check says your clock is behind',
              lang: 'text',
              text: 'A larger recvWindow (at most 59999) helps a clock that is behind, never one that is ahead. If your clock is ahead, syncing it is the only fix.',
            },
            ...(f.hint === 'request-time' ? [REQUEST_TIME_FIX] : [FRESH_TIMESTAMP_FIX]),
            stillFailingFix(),
          ];
      }
    },
    reads: {
      codes: [
        { code: 700003, family: 'spot', text: 'Timestamp for this request is outside of the recvWindow.', source: SOURCES.spotObserved },
        { code: 10073, family: 'spot', text: 'Invalid Request-Time', source: SOURCES.spotErrors, facts: () => ({ hint: 'request-time' }) },
        { code: 513, family: 'futures', text: 'Invalid request(for open api serves time more or less than 10s)', source: SOURCES.futuresErrors },
        {
          code: -1021,
          family: 'binance',
          text: 'Timestamp for this request is outside of the recvWindow.',
          source: SOURCES.binance,
          when: (m) => !/ahead of the server/.test(m),
        },
      ],
      messages: [
        { fragment: 'timestamp for this request is outside of the recvwindow', source: SOURCES.spotObserved },
        { pattern: /outside (?:of )?the recvwindow/, example: 'outside the recvWindow', source: SOURCES.guide },
        { pattern: /timestamp (?:is )?out of range/, example: 'Timestamp out of range', source: SOURCES.guide },
        { fragment: 'invalid request-time', source: SOURCES.spotErrors, facts: { hint: 'request-time' } },
        { fragment: 'serves time more or less than', source: SOURCES.futuresErrors },
      ],
    },
    refusal: 'every-request',
    helpers: [],
  },
  'recv-window-too-large': {
    title: 'recvWindow is too large',
    explanation:
      'MEXC caps recvWindow and words the cap two ways: "recvWindow must less than 60000" (code 700005) and "Max 60000", so whether 60000 itself passes is unconfirmed and 59999 is the largest value that is safe. The docs recommend 5000 or less.',
    evidence: ['recvWindowMs'],
    fixes: () => [
      {
        title: 'Use recvWindow=5000 (or at most 59999)',
        lang: 'text',
        text: 'Raw requests: send recvWindow=5000 with the timestamp and sign it.\nccxt: options: { recvWindow: 5000 }\nIf you raised it to hide clock errors, sync the clock instead: npx mexc-wizard check',
      },
      stillFailingFix(),
    ],
    reads: {
      codes: [
        { code: 700005, family: 'spot', text: 'recvWindow must less than 60000', source: SOURCES.spotErrors },
        { code: -1131, family: 'binance', text: 'recvWindow must be less than 60000.', source: SOURCES.binance },
      ],
      messages: [{ pattern: /recvwindow must (?:be )?less than/, example: 'recvWindow must less than 60000', source: SOURCES.spotErrors }],
    },
    refusal: 'every-request',
    helpers: [],
  },
} as const satisfies CatalogGroup;
