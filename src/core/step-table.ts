/**
 * The guide's debug steps as tables: one for the spot API, one for the futures (contract) API
 * (`check --futures`, the wizard's futures path). `check`'s schedule, the skip rules, the
 * wizard's step order and numbers, the checklist titles and the step lists the welcome screen
 * shows are all derived from them. Step ids are a public contract
 * (`check --json` reports them in this order).
 */

/**
 * What a step needs from earlier ones:
 * - `reachable`: the connectivity step did not fail (MEXC answered the ping);
 * - `signing`: an API key and a secret to sign with;
 * - `key-accepted`: the account request was not refused for a reason that refuses every
 *   signed request (a bad key, signature, clock, IP…), so asking another endpoint tells more.
 */
export type StepNeed = 'reachable' | 'signing' | 'key-accepted';

export interface StepSpec {
  id: string;
  /** Checklist title ("Order read"). */
  title: string;
  /** What runs, shown while it runs. */
  running: string;
  needs: readonly StepNeed[];
  /** Steps whose requests may be in flight at the same time as this one's (check overlaps them). */
  alongside: readonly string[];
}

/** GET /api/v3/time samples the clock step takes, concurrently. */
export const CLOCK_SAMPLES = 4;

/** The local lint: the same first step in both tables. */
const CREDENTIALS_STEP = {
  id: 'credentials',
  title: 'Credentials',
  running: 'Checking key and secret for copy-paste damage (nothing leaves this machine)',
  needs: [],
  alongside: [],
} as const satisfies StepSpec;

export const STEPS = [
  CREDENTIALS_STEP,
  {
    id: 'connectivity',
    title: 'Connectivity',
    running: 'Reaching MEXC: DNS, connect, TLS, GET /api/v3/ping',
    needs: [],
    alongside: ['clock', 'account'],
  },
  {
    id: 'clock',
    title: 'Clock',
    running: `Comparing your clock with MEXC's server time (GET /api/v3/time, ${CLOCK_SAMPLES} samples) and with MEXC's verdict on a signed request`,
    needs: ['reachable'],
    alongside: ['connectivity', 'account'],
  },
  {
    id: 'account',
    title: 'Account',
    running: 'Signed GET /api/v3/account: key, signature, IP whitelist, Account permission',
    needs: ['reachable', 'signing'],
    alongside: ['connectivity', 'clock'],
  },
  {
    id: 'trade-read',
    title: 'Order read',
    running: 'Signed GET /api/v3/openOrders: View Order Details permission',
    needs: ['reachable', 'signing', 'key-accepted'],
    alongside: ['trade'],
  },
  {
    id: 'trade',
    title: 'Trade',
    running: 'Signed POST /api/v3/order/test (validated, never executed): Trade permission',
    needs: ['reachable', 'signing', 'key-accepted'],
    alongside: ['trade-read'],
  },
] as const satisfies readonly StepSpec[];

/**
 * The futures (contract) API's steps (`check --futures`). Every request is a read: MEXC has no
 * futures test-order endpoint, so no futures order is ever sent and the Trade permission is not
 * probed. The trade-read step reads open positions, which needs no symbol and has kept its path
 * (open orders moved on 2025-12-02: docs/mexc-api.md §6).
 */
export const FUTURES_STEPS = [
  CREDENTIALS_STEP,
  {
    id: 'connectivity',
    title: 'Connectivity',
    running: 'Reaching the futures API: DNS, connect, TLS, GET /api/v1/contract/ping',
    needs: [],
    alongside: ['clock', 'futures-account'],
  },
  {
    id: 'clock',
    title: 'Clock',
    running: `Comparing your clock with MEXC's futures server time (GET /api/v1/contract/ping, ${CLOCK_SAMPLES} samples) and with MEXC's verdict on a signed request`,
    needs: ['reachable'],
    alongside: ['connectivity', 'futures-account'],
  },
  {
    id: 'futures-account',
    title: 'Futures account',
    running: 'Signed GET /api/v1/private/account/assets: key, futures signature, IP whitelist, futures account permission',
    needs: ['reachable', 'signing'],
    alongside: ['connectivity', 'clock'],
  },
  {
    id: 'futures-trade-read',
    title: 'Futures trade read',
    running: 'Signed GET /api/v1/private/position/open_positions: futures trade-read permission (no order is ever sent)',
    needs: ['reachable', 'signing', 'key-accepted'],
    alongside: [],
  },
] as const satisfies readonly StepSpec[];

export type SpotStepId = (typeof STEPS)[number]['id'];
export type FuturesStepId = (typeof FUTURES_STEPS)[number]['id'];
/** Any step id: the spot ones and the futures ones (credentials, connectivity and clock are in both). */
export type StepId = SpotStepId | FuturesStepId;

/** Which MEXC API a run diagnoses. */
export type Api = 'spot' | 'futures';

const TABLES: Record<Api, readonly StepSpec[]> = { spot: STEPS, futures: FUTURES_STEPS };

/** The step whose refusal settles `key-accepted`: the first signed request of each table. */
export const KEY_STEP: Record<Api, StepId> = { spot: 'account', futures: 'futures-account' };

const idsOf = (steps: readonly StepSpec[]): readonly [StepId, ...StepId[]] => steps.map((s) => s.id) as unknown as readonly [StepId, ...StepId[]];

/** Step ids in the guide's order (never empty: the wizard starts at the first). */
export const STEP_IDS: readonly [StepId, ...StepId[]] = idsOf(STEPS);
export const FUTURES_STEP_IDS: readonly [StepId, ...StepId[]] = idsOf(FUTURES_STEPS);

export function stepIds(api: Api = 'spot'): readonly [StepId, ...StepId[]] {
  return api === 'futures' ? FUTURES_STEP_IDS : STEP_IDS;
}

type StepInfo = Record<StepId, { title: string; running: string }>;
const infoOf = (steps: readonly StepSpec[]) => Object.fromEntries(steps.map((s) => [s.id, { title: s.title, running: s.running }]));

/** Title and running text of every step id (the spot texts for the ids both tables share). */
export const STEP_INFO = { ...infoOf(FUTURES_STEPS), ...infoOf(STEPS) } as StepInfo;
/** The futures table's texts (its connectivity and clock steps call futures endpoints). */
export const FUTURES_STEP_INFO = { ...STEP_INFO, ...infoOf(FUTURES_STEPS) } as StepInfo;

export function stepInfo(api: Api = 'spot'): StepInfo {
  return api === 'futures' ? FUTURES_STEP_INFO : STEP_INFO;
}

export function stepSpec(id: StepId, api: Api = 'spot'): StepSpec & { id: StepId } {
  const spec = TABLES[api].find((s) => s.id === id) as (StepSpec & { id: StepId }) | undefined;
  if (!spec) throw new Error(`no ${api} step ${id}`);
  return spec;
}

/**
 * Batches of steps for `check`: in table order, a step joins the current batch when it may run
 * alongside every step already in it; otherwise it starts the next batch.
 */
export function stepBatches(api: Api = 'spot'): StepId[][] {
  const batches: StepId[][] = [];
  for (const step of TABLES[api]) {
    const current = batches[batches.length - 1];
    const fits = current?.every((id) => step.alongside.includes(id));
    if (current && fits) current.push(step.id as StepId);
    else batches.push([step.id as StepId]);
  }
  return batches;
}

/** "credentials, connectivity, clock, account, order read, trade": what the welcome screen and the demo picker say each API's run checks. */
export function stepList(api: Api = 'spot'): string {
  return TABLES[api].map((s) => s.title.toLowerCase()).join(', ');
}

/** What the checks run against: the wizard's demo simulator, MEXC, or a base URL that is not MEXC's. */
export interface CheckTarget {
  demo?: boolean;
  /** The API root in use (`--base-url`, MEXC_BASE_URL or the default). */
  baseUrl?: string;
}

/** The base URL when it is not MEXC's (a simulator, a gateway, a stand-in), else undefined. */
function otherThanMexc(baseUrl: string | undefined): { origin: string; local: boolean } | undefined {
  if (!baseUrl) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { origin: baseUrl, local: false };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'mexc.com' || host.endsWith('.mexc.com')) return undefined;
  return { origin: url.origin, local: host === 'localhost' || host === '::1' || /^127\./.test(host) };
}

/** "MEXC", "a local MEXC simulator", "your base URL http://127.0.0.1:8799 (a local server, not MEXC)". */
export function targetName(target: CheckTarget): string {
  if (target.demo) return 'a local MEXC simulator';
  const other = otherThanMexc(target.baseUrl);
  if (!other) return 'MEXC';
  return `your base URL ${other.origin} (${other.local ? 'a local server, not MEXC' : 'not MEXC'})`;
}
