import { shortenSignatureParam } from '../core/redact.js';
import type { Observation, Timings } from '../core/types.js';

/** "DNS 3 ms · connect 20 ms · TLS 41 ms · first byte 88 ms" */
export function describeTimings(t: Timings | undefined): string | undefined {
  if (!t) return undefined;
  const parts: string[] = [];
  if (t.dnsMs !== undefined) parts.push(`DNS ${Math.round(t.dnsMs)} ms`);
  if (t.tcpMs !== undefined) parts.push(`connect ${Math.round(t.tcpMs)} ms`);
  if (t.tlsMs !== undefined) parts.push(`TLS ${Math.round(t.tlsMs)} ms`);
  if (t.firstByteMs !== undefined) parts.push(`first byte ${Math.round(t.firstByteMs)} ms`);
  if (t.totalMs !== undefined) parts.push(`total ${Math.round(t.totalMs)} ms`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** What MEXC answered, in one line: `HTTP 400 · code 700002 · "Signature for this request is not valid."` */
export function describeAnswer(obs: Observation): string {
  if (obs.networkError) return `No answer: ${obs.networkError.code} (${obs.networkError.message})`;
  const parts = [`HTTP ${obs.status ?? '?'}`];
  if (obs.mexcCode !== undefined) parts.push(`code ${obs.mexcCode}`);
  // The message is already terminal-safe (made so by the client); quote it without re-escaping.
  if (obs.mexcMsg) parts.push(`"${obs.mexcMsg}"`);
  return parts.join(' · ');
}

/** The signed request as evidence: the string-to-sign (no secret in it) and the request line. */
export function describeSignedRequest(obs: Observation): string[] {
  const lines = [`Request: ${obs.method} ${shortenSignatureParam(obs.url)}`];
  if (obs.signed) lines.push(`String signed: ${obs.signed.stringToSign}`);
  return lines;
}
