import type { HttpMethod } from './types.js';

/**
 * The only endpoints this tool may call. Reads, the validate-only order test, and the listen
 * key. A real order or a withdrawal is refused in code: a diagnostic tool must never trade.
 * Futures (contract) API: the three reads of `check --futures` and nothing else: MEXC has no
 * futures test-order endpoint, so no futures order, cancel or leverage call can pass here.
 */
const ALLOWED: ReadonlyArray<{ method: HttpMethod; path: string }> = [
  { method: 'GET', path: '/api/v3/ping' },
  { method: 'GET', path: '/api/v3/time' },
  { method: 'GET', path: '/api/v3/exchangeInfo' },
  { method: 'GET', path: '/api/v3/defaultSymbols' },
  { method: 'GET', path: '/api/v3/ticker/price' },
  { method: 'GET', path: '/api/v3/account' },
  { method: 'GET', path: '/api/v3/openOrders' },
  { method: 'GET', path: '/api/v3/selfSymbols' },
  { method: 'GET', path: '/api/v3/kyc/status' },
  { method: 'POST', path: '/api/v3/order/test' },
  { method: 'POST', path: '/api/v3/userDataStream' },
  { method: 'PUT', path: '/api/v3/userDataStream' },
  { method: 'DELETE', path: '/api/v3/userDataStream' },
  { method: 'GET', path: '/api/v1/contract/ping' },
  { method: 'GET', path: '/api/v1/private/account/assets' },
  { method: 'GET', path: '/api/v1/private/position/open_positions' },
];

export class ForbiddenEndpointError extends Error {
  constructor(method: string, path: string) {
    super(`Refusing ${method} ${path}: mexc-wizard only reads and validates (POST /api/v3/order/test), it never trades.`);
  }
}

export function assertAllowedEndpoint(method: HttpMethod, path: string): void {
  if (!ALLOWED.some((e) => e.method === method && e.path === path)) throw new ForbiddenEndpointError(method, path);
}

/**
 * The allowlist applied to the URL actually requested: its whole path, relative to the API
 * root, must be an allowed endpoint, and it must stay on the base URL's origin. Checking only the
 * end of the path would let a base URL with a path in front reach another endpoint.
 */
export function assertAllowedRequest(method: HttpMethod, baseUrl: string, url: string): void {
  const root = new URL(baseUrl);
  const target = new URL(url);
  const rootPath = root.pathname.replace(/\/+$/, '');
  if (target.origin !== root.origin || !target.pathname.startsWith(`${rootPath}/`)) throw new ForbiddenEndpointError(method, target.pathname);
  assertAllowedEndpoint(method, target.pathname.slice(rootPath.length));
}
