/**
 * Signature and timing checks the way MEXC's gateway applies them, written independently of
 * src/core/signing and src/core/encoding on purpose: if the client's canonicaliser has a bug,
 * reusing it here would make both sides agree on the wrong string and hide the bug.
 *
 * Interpretation chosen: the server verifies the RAW bytes it received. totalParams = the raw
 * query string with the `signature=…` parameter removed (everything else byte for byte, in
 * received order) immediately followed by the raw body ("SIGNED", https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed: "the query string
 * concatenated with the request body", no `&` between them, Example 3).
 * docs/mexc-api.md §1.3 [INFERENCE] suggests MEXC may instead rebuild a canonical string from the
 * parsed parameters (Java-style encoding). We use raw bytes because it is the rule the docs
 * write down and the one this feature was specified with, and because it is predictable: the
 * check covers exactly what was on the wire, so signed-one-way-sent-another bugs (`+` vs `%20`,
 * `%28` vs `(`, sorted vs sent order) fail here. Known gap: a client that signs AND sends an
 * unencoded reserved character (`BEP20(BSC)`) passes here but may fail on real MEXC
 * (docs/mexc-api.md §7.1); `inspect` and the fixes flag that, the simulator does not.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A raw `k=v&k=v` text with its `signature` parameter taken out. */
export interface SignatureSplit {
  /** The text without the signature parameter (and without the `&` that joined it). */
  withoutSignature: string;
  /** The received signature value, exactly as sent (undefined when absent). */
  signature?: string;
}

/**
 * Removes every `signature=…` parameter from a raw parameter text. Works on latin1 strings (one
 * char per byte) so every other byte survives unchanged.
 */
export function splitSignatureParam(raw: string): SignatureSplit {
  if (raw === '') return { withoutSignature: '' };
  const kept: string[] = [];
  let signature: string | undefined;
  for (const segment of raw.split('&')) {
    const eq = segment.indexOf('=');
    const name = eq === -1 ? segment : segment.slice(0, eq);
    if (name === 'signature') {
      signature ??= eq === -1 ? '' : segment.slice(eq + 1);
      continue;
    }
    kept.push(segment);
  }
  return { withoutSignature: kept.join('&'), ...(signature !== undefined ? { signature } : {}) };
}

export interface RawSignedRequest {
  /** Query string as received, without the leading `?`, one char per byte (latin1). */
  rawQuery: string;
  /** Body as received, one char per byte (latin1). */
  rawBody: string;
}

export interface LocatedSignature {
  /** The signature the client sent; the query's wins when both carry one (docs/mexc-api.md §1.1). */
  signature?: string;
  /** totalParams: query without signature + body without signature, nothing between them. */
  totalParams: string;
}

export function locateSignature(req: RawSignedRequest): LocatedSignature {
  const query = splitSignatureParam(req.rawQuery);
  const body = splitSignatureParam(req.rawBody);
  const signature = query.signature ?? body.signature;
  return {
    totalParams: query.withoutSignature + body.withoutSignature,
    ...(signature !== undefined ? { signature } : {}),
  };
}

/** HMAC-SHA256 over the exact bytes, keyed by the secret as UTF-8 text, lowercase hex. */
export function serverSignature(secret: string, totalParamsLatin1: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(totalParamsLatin1, 'latin1')).digest('hex');
}

/**
 * "The signature is support lowercase only" ("SIGNED", https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed): an uppercase hex signature is
 * invalid even when it spells the right digest.
 */
export function signatureMatches(secret: string, totalParamsLatin1: string, received: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(received)) return false;
  const expected = Buffer.from(serverSignature(secret, totalParamsLatin1), 'ascii');
  return timingSafeEqual(expected, Buffer.from(received, 'ascii'));
}

/** Slack for a client clock ahead of the server ("Timing security", https://mexcdevelop.github.io/apidocs/spot_v3_en/#timing-security). */
export const FUTURE_TOLERANCE_MS = 1000;

/**
 * "Timing security", https://mexcdevelop.github.io/apidocs/spot_v3_en/#timing-security pseudo-code (docs/mexc-api.md §1.1):
 * `timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow`.
 */
export function isWithinRecvWindow(timestampMs: number, serverTimeMs: number, recvWindowMs: number): boolean {
  return timestampMs < serverTimeMs + FUTURE_TOLERANCE_MS && serverTimeMs - timestampMs <= recvWindowMs;
}
