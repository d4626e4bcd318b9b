import { clockVerdict } from '../classify.js';
import type { Fix, FixContext } from '../types.js';
import { formatMs } from './evidence.js';
import { clockSyncFixes, recvWindowFixes, serverTimeOffsetFixes, stillFailingFix, suggestedRecvWindowMs } from './fixes.js';
import type { CatalogGroup, Facts } from './types.js';

/**
 * Timing problems. MEXC accepts a request only if `timestamp < serverTime + 1000` and
 * `serverTime - timestamp <= recvWindow` (mexc-api.md §1.1): the window only reaches into the
 * past, so a bigger recvWindow helps a slow clock and never a fast one.
 */

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
  return clockVerdict(ahead, num(facts, 'rttMs') ?? 0, num(facts, 'recvWindowMs') ?? recvWindowMs).verdict;
}

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

export const clockEntries: CatalogGroup = {
  'clock-ahead': {
    title: (f) => (f.nearEdge ? 'Your clock is almost 1 s ahead of MEXC' : 'Your clock is ahead of MEXC'),
    explanation: (f) =>
      (f.nearEdge
        ? 'Requests still pass, but only just: '
        : 'MEXC will reject every signed request with 700003: ') +
      'MEXC refuses any timestamp that lands 1 second or more in its future. A bigger recvWindow cannot help, because it only allows timestamps in the past. Sync the system clock.',
    evidence: ['localAheadMs', 'rttMs', 'arrivalLeadMs', 'marginMs'],
    fixes: (ctx) => [...aheadFixes(ctx), stillFailingFix()],
  },
  'clock-behind': {
    title: (f) => (f.nearEdge ? 'Your clock is close to falling outside recvWindow' : 'Your clock is behind MEXC by more than recvWindow allows'),
    explanation: (f) =>
      (f.nearEdge ? 'Requests still pass, but only just: ' : 'MEXC will reject signed requests with 700003: ') +
      `MEXC accepts a timestamp at most recvWindow (${num(f, 'recvWindowMs') ?? 5000} ms) old on arrival, and your clock's lag plus the travel time comes close to or beyond that. Syncing the clock is the fix; a bigger recvWindow (up to 60000) only buys time.`,
    evidence: ['localAheadMs', 'rttMs', 'recvWindowMs', 'arrivalLeadMs', 'marginMs'],
    fixes: (ctx, f) => [...behindFixes(ctx, f), stillFailingFix()],
  },
  'timestamp-outside-recv-window': {
    title: 'Timestamp outside the recvWindow',
    explanation: (f) => {
      const rule =
        'MEXC accepts a signed request only if its timestamp is less than 1 s ahead of MEXC\'s clock and no more than recvWindow (default 5000 ms) behind it.';
      if (f.timestampInSeconds) return `${rule} The timestamp was sent in seconds, so MEXC reads it as a date in 1970.`;
      const ahead = num(f, 'localAheadMs');
      switch (verdictOf(f, num(f, 'recvWindowMs') ?? 5000)) {
        case 'ahead':
          return `${rule} Your clock runs ${ahead !== undefined ? formatMs(ahead) + ' ' : ''}ahead, so requests land in MEXC's future. A bigger recvWindow cannot fix that.`;
        case 'behind':
          return `${rule} Your clock runs ${ahead !== undefined ? formatMs(ahead) + ' ' : ''}behind, so requests arrive too old.`;
        case 'ok':
        case 'near-edge':
          return `${rule} Your clock agrees with MEXC now, so the timestamp was probably taken too early (signed, then queued or retried), or the request was slow in transit.`;
        default:
          return `${rule} The usual cause is a system clock that is off: ahead by 1 s or more (recvWindow cannot help), or behind by more than recvWindow.`;
      }
    },
    evidence: ['clockVerdict', 'localAheadMs', 'rttMs', 'retryFixed', 'timestampInSeconds', 'timestampMs', 'recvWindowMs'],
    fixes: (ctx, f) => {
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
            MEASURE_FIX,
            ...clockSyncFixes(ctx.platform),
            {
              title: 'Raise recvWindow only if the check says your clock is behind',
              lang: 'text',
              text: 'A larger recvWindow (max 60000) helps a clock that is behind, never one that is ahead. If your clock is ahead, syncing it is the only fix.',
            },
            FRESH_TIMESTAMP_FIX,
            stillFailingFix(),
          ];
      }
    },
  },
  'recv-window-too-large': {
    title: 'recvWindow is too large',
    explanation:
      'MEXC caps recvWindow: "recvWindow must less than 60000" (code 700005). The docs recommend 5000 or less; 59999 is the largest value that is safe.',
    evidence: ['recvWindowMs'],
    fixes: () => [
      {
        title: 'Use recvWindow=5000 (or at most 59999)',
        lang: 'text',
        text: 'Raw requests: send recvWindow=5000 with the timestamp and sign it.\nccxt: options: { recvWindow: 5000 }\nIf you raised it to hide clock errors, sync the clock instead: npx mexc-wizard check',
      },
      stillFailingFix(),
    ],
  },
};
