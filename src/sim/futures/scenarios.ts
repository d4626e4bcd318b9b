/**
 * Futures scenarios: each makes the simulator's futures API fail the way MEXC's does for one
 * cause, named `futures-` + the diagnosis it provokes (the spot scenarios' naming). They change
 * the futures answers only; spot stays healthy, except that the server has one clock.
 */

export const FUTURES_SCENARIOS = [
  { name: 'futures-key-invalid', description: 'futures: private calls answer 401 "Unauthorized" (unknown or deleted key)' },
  { name: 'futures-key-expired', description: 'futures: private calls answer 402 "API key expired!"' },
  { name: 'futures-signature-invalid', description: 'futures: the server holds another secret: 602 "Signature verification failed!"' },
  { name: 'futures-ip-not-whitelisted', description: 'futures: private calls answer 406 "Accessed IP is not in the whitelist"' },
  { name: 'futures-clock-ahead', description: 'server clock 15 s behind local time (the client looks ahead): futures 513, spot 700003' },
  { name: 'futures-clock-behind', description: 'server clock 15 s ahead of local time, beyond the 10 s window: futures 513, spot 700003' },
  { name: 'futures-permission-denied', description: 'futures: a key without futures permissions: 701 on account/assets, 703 on orders and positions' },
  { name: 'futures-permission-denied-read', description: 'futures: account/assets works, open orders and positions answer 703 (no trade-read permission)' },
  { name: 'futures-rate-limited', description: 'futures: every call answers 510 "Excessive frequency of requests"' },
  { name: 'futures-api-unavailable', description: 'futures: ping works, private calls answer 511 "Endpoint inaccessible"' },
  { name: 'futures-no-account', description: 'futures: no futures account opened: private calls answer 1000 "Please open contract account first!"' },
  { name: 'futures-base-url-wrong', description: 'futures: the host serves spot only: every futures path answers spot\'s 404 {"code":404,"msg":"Not Found"}' },
] as const satisfies ReadonlyArray<{ name: string; description: string }>;

export type FuturesScenarioName = (typeof FUTURES_SCENARIOS)[number]['name'];

export function isFuturesScenarioName(name: string): name is FuturesScenarioName {
  return FUTURES_SCENARIOS.some((s) => s.name === name);
}

/** Futures permission names (docs/mexc-api.md §5) and the code MEXC answers when one is missing. */
export type FuturesPermission = 'CONTRACT_ACCOUNT_READ' | 'CONTRACT_ACCOUNT_WRITE' | 'CONTRACT_DEAL_READ' | 'CONTRACT_DEAL_WRITE';

const ALL_FUTURES_PERMISSIONS: ReadonlySet<FuturesPermission> = new Set<FuturesPermission>([
  'CONTRACT_ACCOUNT_READ',
  'CONTRACT_ACCOUNT_WRITE',
  'CONTRACT_DEAL_READ',
  'CONTRACT_DEAL_WRITE',
]);

export interface FuturesBehaviour {
  /** Answered to every futures request before anything else. */
  rateLimited: boolean;
  /** Private endpoints answer 511 before authentication; public ones still work. */
  privateUnavailable: boolean;
  /** Authenticated private calls answer 1000: the account has no futures account. */
  noFuturesAccount: boolean;
  /** A spot-only host: every futures path answers as spot answers an unknown path. */
  spotOnlyHost: boolean;
  keyState: 'valid' | 'unknown' | 'expired';
  /** true: the server verifies with a secret other than the client's (602). */
  secretDiffers: boolean;
  ipBlocked: boolean;
  permissions: ReadonlySet<FuturesPermission>;
}

const HEALTHY: FuturesBehaviour = {
  rateLimited: false,
  privateUnavailable: false,
  noFuturesAccount: false,
  spotOnlyHost: false,
  keyState: 'valid',
  secretDiffers: false,
  ipBlocked: false,
  permissions: ALL_FUTURES_PERMISSIONS,
};

/** Futures side of any scenario; a spot scenario leaves the futures API healthy. */
export function futuresBehaviour(name: string): FuturesBehaviour {
  if (!isFuturesScenarioName(name)) return HEALTHY;
  switch (name) {
    case 'futures-key-invalid':
      return { ...HEALTHY, keyState: 'unknown' };
    case 'futures-key-expired':
      return { ...HEALTHY, keyState: 'expired' };
    case 'futures-signature-invalid':
      return { ...HEALTHY, secretDiffers: true };
    case 'futures-ip-not-whitelisted':
      return { ...HEALTHY, ipBlocked: true };
    case 'futures-permission-denied':
      return { ...HEALTHY, permissions: new Set() };
    case 'futures-permission-denied-read':
      return { ...HEALTHY, permissions: new Set(['CONTRACT_ACCOUNT_READ']) };
    case 'futures-rate-limited':
      return { ...HEALTHY, rateLimited: true };
    case 'futures-api-unavailable':
      return { ...HEALTHY, privateUnavailable: true };
    case 'futures-no-account':
      return { ...HEALTHY, noFuturesAccount: true };
    case 'futures-base-url-wrong':
      return { ...HEALTHY, spotOnlyHost: true };
    case 'futures-clock-ahead':
    case 'futures-clock-behind':
      return HEALTHY;
  }
}

/**
 * Server time = local time + this, for the whole server (spot and futures share one clock).
 * 15 s breaks the futures rule |serverTime − Request-Time| ≤ 10 s on one side each; a
 * Recv-Window of 20 (seconds) would cover either, since the futures window is symmetric.
 */
export function futuresScenarioClockOffsetMs(name: FuturesScenarioName): number {
  return name === 'futures-clock-ahead' ? -15_000 : name === 'futures-clock-behind' ? 15_000 : 0;
}
