/**
 * Scenarios: each one makes the simulator fail the way real MEXC fails for one cause, named
 * after the diagnosis it provokes. The futures ones live in futures/scenarios.ts.
 */
import { FUTURES_SCENARIOS, futuresScenarioClockOffsetMs, isFuturesScenarioName } from './futures/scenarios.js';

export const SCENARIOS = [
  { name: 'ok', description: 'a healthy exchange: every check passes' },
  { name: 'key-invalid', description: 'every signed call answers 10072 "Api key info invalid" (unknown, deleted or expired key)' },
  { name: 'signature-invalid', description: 'the server holds another secret than the client: 700002 on every signed call' },
  { name: 'clock-ahead', description: 'server clock 4200 ms behind local time, so the client looks ahead: 700003' },
  { name: 'clock-behind', description: 'server clock 9000 ms ahead of local time, beyond the default recvWindow: 700003' },
  { name: 'ip-not-whitelisted', description: 'signed calls answer 700006 "IP [198.51.100.23] not in the ip white list"' },
  { name: 'permission-denied', description: 'the key lacks Trade: account and openOrders work, order/test answers 700007' },
  { name: 'permission-denied-read', description: 'the key lacks View Order Details and Trade: openOrders and order/test answer 700007' },
  { name: 'rate-limited', description: 'every request answers HTTP 429 with Retry-After: 30' },
  { name: 'blocked', description: 'every request answers HTTP 403 with an Akamai "Access Denied" HTML page (WAF/geo block)' },
  { name: 'server-error', description: 'maintenance: every request answers HTTP 503 "Under maintenance, please try again later"' },
  { name: 'timeout', description: 'accepts connections but never answers in time' },
  { name: 'html-200', description: 'every request answers HTTP 200 with a captive-portal HTML page instead of JSON' },
  { name: 'symbol-not-api-enabled', description: 'no symbol is enabled for this key: order/test answers 10007 "symbol not support api"' },
  { name: 'account-abnormal', description: 'signed calls answer 60005 "your account is abnormal"' },
  { name: 'ip-banned', description: 'every request answers HTTP 418 (IP banned after rate-limit violations) with a JSON body and Retry-After: 120' },
  { name: 'empty-200', description: 'every request answers HTTP 200 with an empty body (a gateway that swallowed the answer)' },
  { name: 'truncated-200', description: 'every request answers HTTP 200 with JSON cut off in the middle' },
  { name: 'gateway-json', description: "every request answers HTTP 200 with a corporate gateway's own JSON instead of MEXC's" },
  { name: 'time-in-seconds', description: 'GET /api/v3/time answers serverTime in seconds, not milliseconds' },
  { name: 'clock-jitter', description: 'GET /api/v3/time jitters by up to ±1500 ms around the true time; signed calls see the true time' },
  ...FUTURES_SCENARIOS,
] as const satisfies ReadonlyArray<{ name: string; description: string }>;

export type ScenarioName = (typeof SCENARIOS)[number]['name'];
export const SCENARIO_NAMES: readonly ScenarioName[] = SCENARIOS.map((s) => s.name);
export const DEFAULT_SCENARIO: ScenarioName = 'ok';

export class UnknownScenarioError extends Error {
  readonly validNames = SCENARIO_NAMES;
  constructor(readonly requested: string) {
    super(`Unknown scenario "${requested}". Valid scenarios: ${SCENARIO_NAMES.join(', ')}.`);
    this.name = 'UnknownScenarioError';
  }
}

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

export function parseScenarioName(name: string): ScenarioName {
  if (!isScenarioName(name)) throw new UnknownScenarioError(name);
  return name;
}

/** Spot permission names as MEXC spells them (docs/mexc-api.md §5). */
export type Permission =
  | 'SPOT_ACCOUNT_READ'
  | 'SPOT_DEAL_READ'
  | 'SPOT_DEAL_WRITE'
  | 'SPOT_WITHDRAW_READ'
  | 'SPOT_WITHDRAW_WRITE'
  | 'SPOT_TRANSFER_READ'
  | 'SPOT_TRANSFER_WRITE';

const ALL_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'SPOT_ACCOUNT_READ',
  'SPOT_DEAL_READ',
  'SPOT_DEAL_WRITE',
  'SPOT_WITHDRAW_READ',
  'SPOT_WITHDRAW_WRITE',
  'SPOT_TRANSFER_READ',
  'SPOT_TRANSFER_WRITE',
]);

/** A failure in front of the API (CDN, WAF, load balancer): it answers before any routing. */
export type GatewayFailure = 'rate-limited' | 'blocked' | 'server-error' | 'timeout' | 'html-200' | 'ip-banned' | 'empty-200' | 'truncated-200' | 'gateway-json';

/** How GET /api/v3/time answers: MEXC's milliseconds, seconds, or a jittering stamp. */
export type ServerTimeAnswer = 'ms' | 'seconds' | { jitterMs: number };

/** The IP the simulator pretends to see (TEST-NET-2, RFC 5737: never a real host). */
export const SIMULATED_CLIENT_IP = '198.51.100.23';

export interface ScenarioBehaviour {
  gatewayFailure?: GatewayFailure;
  /** Server time = local now + this, unless SimOptions.serverClockOffsetMs overrides it. */
  serverClockOffsetMs: number;
  /** false: the server knows no key at all (10072). */
  keyKnown: boolean;
  /** true: the server verifies with a secret other than the client's (700002). */
  secretDiffers: boolean;
  /** Set: signed calls come from an IP outside the key's whitelist (700006). */
  blockedClientIp?: string;
  permissions: ReadonlySet<Permission>;
  /** false: no symbol is in this key's API trading-pair list (10007). */
  symbolsApiEnabled: boolean;
  accountAbnormal: boolean;
  serverTimeAnswer: ServerTimeAnswer;
}

const HEALTHY: ScenarioBehaviour = {
  serverClockOffsetMs: 0,
  keyKnown: true,
  secretDiffers: false,
  permissions: ALL_PERMISSIONS,
  symbolsApiEnabled: true,
  accountAbnormal: false,
  serverTimeAnswer: 'ms',
};

const withoutPermissions = (...removed: Permission[]): ReadonlySet<Permission> =>
  new Set([...ALL_PERMISSIONS].filter((p) => !removed.includes(p)));

export function scenarioBehaviour(name: ScenarioName): ScenarioBehaviour {
  // Futures scenarios leave spot healthy; the server's one clock is all they share.
  if (isFuturesScenarioName(name)) return { ...HEALTHY, serverClockOffsetMs: futuresScenarioClockOffsetMs(name) };
  switch (name) {
    case 'ok':
      return HEALTHY;
    case 'key-invalid':
      return { ...HEALTHY, keyKnown: false };
    case 'signature-invalid':
      return { ...HEALTHY, secretDiffers: true };
    // Offsets chosen so each breaks the rule on one side only (docs/mexc-api.md §1.1): 4200 ms ahead
    // fails `timestamp < serverTime + 1000`; 9000 ms behind fails `serverTime - timestamp <= 5000`.
    case 'clock-ahead':
      return { ...HEALTHY, serverClockOffsetMs: -4200 };
    case 'clock-behind':
      return { ...HEALTHY, serverClockOffsetMs: 9000 };
    case 'ip-not-whitelisted':
      return { ...HEALTHY, blockedClientIp: SIMULATED_CLIENT_IP };
    case 'permission-denied':
      return { ...HEALTHY, permissions: withoutPermissions('SPOT_DEAL_WRITE') };
    case 'permission-denied-read':
      return { ...HEALTHY, permissions: withoutPermissions('SPOT_DEAL_READ', 'SPOT_DEAL_WRITE') };
    case 'symbol-not-api-enabled':
      return { ...HEALTHY, symbolsApiEnabled: false };
    case 'account-abnormal':
      return { ...HEALTHY, accountAbnormal: true };
    case 'time-in-seconds':
      return { ...HEALTHY, serverTimeAnswer: 'seconds' };
    case 'clock-jitter':
      return { ...HEALTHY, serverTimeAnswer: { jitterMs: 1500 } };
    case 'rate-limited':
    case 'blocked':
    case 'server-error':
    case 'timeout':
    case 'html-200':
    case 'ip-banned':
    case 'empty-200':
    case 'truncated-200':
    case 'gateway-json':
      return { ...HEALTHY, gatewayFailure: name };
  }
}
