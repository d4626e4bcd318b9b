import type { RawParam, RequestHeader } from './types.js';

/** Splits `a=1&b=2` into pairs in order, values untouched. Empty segments (`&&`) are dropped. */
export function splitParams(text: string): RawParam[] {
  if (text === '') return [];
  return text
    .split('&')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const eq = segment.indexOf('=');
      return eq < 0 ? { name: segment, rawValue: '' } : { name: segment.slice(0, eq), rawValue: segment.slice(eq + 1) };
    });
}

/**
 * Percent-decodes valid `%XX` runs as UTF-8 and leaves everything else (a stray `%`, `+`) as is,
 * so a malformed value never throws the way `decodeURIComponent` does.
 */
export function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    const decoded = bytes.toString('utf8');
    // Invalid UTF-8 would come back as U+FFFD: keep the escapes rather than invent characters.
    return decoded.includes('\uFFFD') ? run : decoded;
  });
}

/** A JSON object body (`{"symbol":…}`) rather than `k=v&…` text. */
export function isJsonBody(body: string): boolean {
  const t = body.trim();
  return t.startsWith('{') || t.startsWith('[');
}

/** Parameters in the body: `k=v` pairs, or the top-level fields of a JSON object body. */
export function bodyParams(body: string): RawParam[] {
  if (!isJsonBody(body)) return splitParams(body);
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.entries(parsed as Record<string, unknown>).map(([name, v]) => ({
      name,
      rawValue: typeof v === 'string' ? v : JSON.stringify(v),
    }));
  } catch {
    return [];
  }
}

/** Case-insensitive header lookup (HTTP header names are case-insensitive, docs/mexc-api.md §1.1). */
export function findHeader(headers: ReadonlyArray<RequestHeader> | undefined, name: string): RequestHeader | undefined {
  const lower = name.toLowerCase();
  return headers?.find((h) => h.name.toLowerCase() === lower);
}
