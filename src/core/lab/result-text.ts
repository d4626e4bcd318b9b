import { redactSecrets } from '../redact.js';
import type { LabResult } from './types.js';

/** Long strings (batchOrders JSON) stay readable; the user can compare the start and the end. */
export function clip(text: string, max = 400): string {
  return text.length <= max ? text : `${text.slice(0, max / 2)}…${text.slice(-max / 2)}`;
}

/** A last guard inside the lab, so every front end showing the result is covered. */
export function redactResult(result: LabResult, secrets: string[]): LabResult {
  const r = (t: string): string => redactSecrets(t, secrets);
  const sig = result.signature;
  return {
    ...result,
    verdict: r(result.verdict),
    findings: result.findings.map((f) => ({ ...f, detail: r(f.detail) })),
    notes: result.notes.map(r),
    ...(sig
      ? { signature: { sent: r(sig.sent), expected: sig.expected, stringToSign: r(sig.stringToSign), ...(sig.signedString === undefined ? {} : { signedString: r(sig.signedString) }) } }
      : {}),
  };
}
