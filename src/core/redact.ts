import { redactorFor } from './secret-redactor.js';

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
 * Masks every secret in text: whole or any run of 8+ of its characters, in its common encodings
 * (secret-redactor.ts). Applied to raw values before they are formatted, and again where text
 * leaves the process.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return redactorFor(secrets).redact(text);
}

/** Shortens `signature=<64 hex>` in a URL or query for display. */
export function shortenSignatureParam(text: string): string {
  return text.replace(/(signature=)([0-9a-fA-F]{12,})/g, (_m, p: string, sig: string) => p + shortenHex(sig));
}
