/** Picks the proxy for a URL from HTTPS_PROXY/HTTP_PROXY honouring NO_PROXY (curl's rules, simplified). */
export function proxyForUrl(url: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const target = new URL(url);
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v && v.trim());
  const proxy =
    target.protocol === 'https:' ? pick('HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy') : pick('HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy');
  if (!proxy) return undefined;
  const noProxy = pick('NO_PROXY', 'no_proxy');
  if (noProxy && matchesNoProxy(target, noProxy)) return undefined;
  return proxy.trim();
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
