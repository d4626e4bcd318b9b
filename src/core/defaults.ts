import type { FixContext } from './types.js';

/** Defaults shared by the CLI and the client, in a module that loads nothing (no got, no crypto on start-up). */
export const DEFAULT_BASE_URL = 'https://api.mexc.com';
export const DEFAULT_RECV_WINDOW_MS = 5000;
/** Docs: "The max cannot go beyond 60,000!" (docs/mexc-api.md §1.1). 60000 itself is unconfirmed. */
export const MAX_RECV_WINDOW_MS = 60000;
/**
 * The largest recvWindow every wording of MEXC's limit allows ("less than 60000", "Max 60000":
 * docs/mexc-api.md §1.1): what `--recv-window` accepts and what fixes suggest at most.
 */
export const MAX_SAFE_RECV_WINDOW_MS = 59999;
export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * How fixes name the tool when nothing else is known (explain's default, a published package):
 * the shell layer passes the way the user really started it as `FixContext.invocation`.
 */
export const DEFAULT_INVOCATION = 'npx mexc-wizard';
/** The symbol fixes and snippets name when no market lookup chose one (liquid and API-enabled). */
export const DEFAULT_SYMBOL = 'BTCUSDT';

/** What fixes are filled with before any request ran (explain, the wizard's paste screens). */
export function defaultFixContext(known: Partial<FixContext> & Pick<FixContext, 'platform'>): FixContext {
  return { baseUrl: DEFAULT_BASE_URL, symbol: DEFAULT_SYMBOL, recvWindowMs: DEFAULT_RECV_WINDOW_MS, ...known };
}
