/**
 * The guide's debug steps as one table. `check`'s schedule, the skip rules, the wizard's step
 * order, the checklist titles and the welcome sentence are all derived from it. Step ids are a
 * public contract (`check --json` reports them in this order).
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

export const STEPS = [
  {
    id: 'credentials',
    title: 'Credentials',
    running: 'Checking key and secret for copy-paste damage (nothing leaves this machine)',
    needs: [],
    alongside: [],
  },
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

export type StepId = (typeof STEPS)[number]['id'];

/** Step ids in the guide's order (never empty: the wizard starts at the first). */
export const STEP_IDS: readonly [StepId, ...StepId[]] = [STEPS[0].id, ...STEPS.slice(1).map((s) => s.id)];

export const STEP_INFO = Object.fromEntries(STEPS.map((s) => [s.id, { title: s.title, running: s.running }])) as Record<
  StepId,
  { title: string; running: string }
>;

export function stepSpec(id: StepId): StepSpec & { id: StepId } {
  const spec: StepSpec & { id: StepId } | undefined = STEPS.find((s) => s.id === id);
  if (!spec) throw new Error(`no step ${id}`);
  return spec;
}

/**
 * Batches of steps for `check`: in table order, a step joins the current batch when it may run
 * alongside every step already in it; otherwise it starts the next batch.
 */
export function stepBatches(): StepId[][] {
  const batches: StepId[][] = [];
  for (const step of STEPS) {
    const current = batches[batches.length - 1];
    const fits = current?.every((id) => (step.alongside as readonly string[]).includes(id));
    if (current && fits) current.push(step.id);
    else batches.push([step.id]);
  }
  return batches;
}

/** "credentials, connectivity, clock, account, order read, trade" */
export function stepList(): string {
  return STEPS.map((s) => s.title.toLowerCase()).join(', ');
}

/** The welcome screen's first sentence: what the wizard runs, against what. */
export function welcomeSentence(target: string): string {
  return `Runs the troubleshooting guide's checks for real against ${target}: ${stepList()}. Each failure gets its cause and a fix you can copy.`;
}
