/** Masks a key for display: `mx0aBYs33eIilxBWC5` → `mx0a…WC5`. Short values are fully masked. */
export function maskKey(key: string): string {
  const k = key.trim();
  if (k.length <= 8) return '*'.repeat(Math.max(k.length, 3));
  return `${k.slice(0, 4)}…${k.slice(-3)}`;
}

/** Shortens a signature or other long hex for display: `d1a6…4592`. */
export function shortenHex(hex: string): string {
  return hex.length <= 12 ? hex : `${hex.slice(0, 4)}…${hex.slice(-4)}`;
}

/**
 * Removes every occurrence of each secret from text (also trimmed, URL-encoded and
 * case-insensitive variants). Applied at every boundary where text leaves memory.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const raw of secrets) {
    if (!raw) continue;
    const variants = new Set([raw, raw.trim(), encodeURIComponent(raw.trim())]);
    for (const v of variants) {
      if (v.length < 4) continue;
      const escaped = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out = out.replace(new RegExp(escaped, 'gi'), '[REDACTED]');
    }
  }
  return out;
}

/** Shortens `signature=<64 hex>` in a URL or query for display. */
export function shortenSignatureParam(text: string): string {
  return text.replace(/(signature=)([0-9a-fA-F]{12,})/g, (_m, p: string, sig: string) => p + shortenHex(sig));
}
