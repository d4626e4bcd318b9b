/**
 * Which base URLs the client may talk to. The API key and every signed request (replayable
 * until its recvWindow ends) travel in the request, so plain http:// is for a local simulator
 * only unless the user says otherwise; and a base URL with a path in front would move every
 * allowlisted endpoint somewhere else, so a path is accepted only where it is a known API root.
 */

/** MEXC's API hosts: their API root is the bare origin (docs/mexc-api.md §1, §6). */
const KNOWN_API_HOSTS = new Set(['api.mexc.com', 'contract.mexc.com']);
/** Paths people paste after a known host (ccxt's and the docs' endpoint prefix): the same API root. */
const KNOWN_ROOT_SUFFIXES = ['/api/v3'];

export const INSECURE_HTTP_FLAG = '--allow-insecure-http';

/** localhost, 127.0.0.0/8 and ::1: a request to them never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}

/** True for http:// to anything but loopback: the key and signed requests would go in clear. */
export function isInsecureRemote(baseUrl: string): boolean {
  try {
    const u = new URL(baseUrl);
    return u.protocol === 'http:' && !isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; problem: string; hint: string };

/**
 * Validates a base URL (`name` is how the user gave it: `--base-url` or `MEXC_BASE_URL`) and
 * returns its API root without a trailing slash.
 */
export function checkBaseUrl(raw: string, name: string, opts: { allowInsecureHttp?: boolean } = {}): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: `${name} is not a URL.`, hint: 'Use the form https://api.mexc.com (the default) or http://127.0.0.1:PORT for the simulator.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: `${name} must start with https:// or http://, not ${url.protocol}`, hint: 'Example: --base-url https://api.mexc.com' };
  }
  if (url.username || url.password) {
    return { ok: false, problem: `${name} carries a user name or password; mexc-wizard does not send those.`, hint: 'Use the bare API address, e.g. https://api.mexc.com; for a proxy set HTTPS_PROXY.' };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback && !opts.allowInsecureHttp) {
    return {
      ok: false,
      problem: `${name} ${url.origin} is plain http: your API key and replayable signed requests would cross the network unencrypted.`,
      hint: `Use https:// (MEXC serves https://api.mexc.com). If you really mean plain http to that host, add ${INSECURE_HTTP_FLAG}.`,
    };
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (url.search || url.hash) {
    return { ok: false, problem: `${name} has a query or fragment (${url.search ? '?…' : '#…'}); a base URL is the API address only.`, hint: 'Example: --base-url https://api.mexc.com' };
  }
  if (path === '' || loopback) return { ok: true, baseUrl: url.origin + path };
  if (KNOWN_API_HOSTS.has(url.hostname.toLowerCase()) && KNOWN_ROOT_SUFFIXES.includes(path)) return { ok: true, baseUrl: url.origin };
  return {
    ok: false,
    problem: `${name} has a path (${path.length > 40 ? `${path.slice(0, 40)}…` : path}): the endpoints mexc-wizard calls would land under it, somewhere MEXC's API is not.`,
    hint: 'Give the API root only, e.g. https://api.mexc.com (a path is accepted for a local simulator on 127.0.0.1 or localhost).',
  };
}
