/** Defaults shared by the CLI and the client, in a module that loads nothing (no got on start-up). */
export const DEFAULT_BASE_URL = 'https://api.mexc.com';
export const DEFAULT_TIMEOUT_MS = 10_000;
