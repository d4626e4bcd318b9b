import { createHash, randomBytes } from 'node:crypto';

export interface DemoCredentials {
  apiKey: string;
  secret: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform alphanumerics: bytes ≥ 248 (= 4 × 62) are skipped so no character is favoured. */
function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= 248) continue;
      out += ALPHANUMERIC[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * Throwaway credentials shaped like MEXC's (docs/mexc-api.md §4): an 18-character key starting
 * with `mx0`, and a 32-character lowercase hex secret.
 */
export function generateDemoCredentials(): DemoCredentials {
  return { apiKey: `mx0${randomAlphanumeric(15)}`, secret: randomBytes(16).toString('hex') };
}

/** A secret guaranteed to differ from the client's, for the `signature-invalid` scenario. */
export function otherSecretThan(secret: string): string {
  return createHash('sha256').update(`mexc-wizard-sim:other-secret:${secret}`).digest('hex').slice(0, 32);
}
