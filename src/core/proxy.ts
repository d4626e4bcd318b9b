const HTTPS_VARS = ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy'];
const HTTP_VARS = ['HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/** The proxy variable that applies to a URL (HTTPS_PROXY/HTTP_PROXY, then ALL_PROXY), honouring NO_PROXY. */
export function proxySettingFor(url: string, env: Readonly<Record<string, string | undefined>>): { variable: string; value: string } | undefined {
  const target = new URL(url);
  const variable = (target.protocol === 'https:' ? HTTPS_VARS : HTTP_VARS).find((n) => env[n]?.trim());
  if (!variable) return undefined;
  const noProxy = ['NO_PROXY', 'no_proxy'].map((n) => env[n]).find((v) => v?.trim());
  if (noProxy && matchesNoProxy(target, noProxy)) return undefined;
  return { variable, value: env[variable]!.trim() };
}

/** Picks the proxy for a URL from HTTPS_PROXY/HTTP_PROXY honouring NO_PROXY (curl's rules, simplified). */
export function proxyForUrl(url: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const setting = proxySettingFor(url, env);
  return setting ? normaliseProxyUrl(setting.value) : undefined;
}

/** curl reads `proxy.corp:3128` as http://proxy.corp:3128; so do we. */
function normaliseProxyUrl(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}

/**
 * Why a proxy setting cannot be used, in one sentence naming the variable and showing its value
 * with the password masked; undefined when it is a usable http(s) proxy URL.
 */
export function proxyProblem(variable: string, value: string): string | undefined {
  const shown = maskProxyPassword(value);
  let url: URL;
  try {
    url = new URL(normaliseProxyUrl(value));
  } catch {
    return `${variable} is not a valid proxy URL: "${shown}".`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${variable} uses ${url.protocol.replace(/:$/, '')}, which mexc-wizard does not support (only http:// and https:// proxies): "${shown}".`;
  if (!url.hostname) return `${variable} names no proxy host: "${shown}".`;
  return undefined;
}

/** `http://user:pass@host:3128` → `http://user:****@host:3128`, also when the URL does not parse. */
export function maskProxyPassword(value: string): string {
  // Up to the last "@": a malformed value may hold an unencoded "@" in the password.
  return value.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?[^:/@\s]*:).*@/is, '$1****@');
}

/** The password in a proxy URL, when there is one (masked wherever text leaves the process). */
export function proxyPassword(value: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^:/@\s]*:(.*)@/is.exec(value);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

function matchesNoProxy(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase();
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase().replace(/:\d+$/, '');
      if (entry === '*') return true;
      const bare = entry.replace(/^\*?\./, '');
      return host === bare || host.endsWith(`.${bare}`);
    });
}

/** `http://user:pass@proxy:3128` → `proxy:3128` for reports (credentials never shown). */
export function describeProxy(proxy: string): string {
  try {
    const u = new URL(proxy);
    return u.host;
  } catch {
    return 'configured (unparseable URL)';
  }
}
