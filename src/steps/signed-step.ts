import type { DiagnosisId, Cause, Observation } from '../core/types.js';
import type { StepContext } from './context.js';
import { describeAnswer, describeSignedRequest } from './describe.js';

/**
 * Diagnoses that mean "the request itself was refused" (key, signature, time, IP, permission,
 * transport). Anything else from a signed endpoint is a business answer: the key got through.
 */
export const REFUSAL_IDS: ReadonlySet<DiagnosisId> = new Set<DiagnosisId>([
  'key-invalid',
  'key-expired',
  'key-header-missing',
  'signature-invalid',
  'signature-missing',
  'timestamp-outside-recv-window',
  'recv-window-too-large',
  'ip-not-whitelisted',
  'permission-denied',
  'content-type-invalid',
  'account-abnormal',
  'illegal-characters',
  'blocked',
  'rate-limited',
  'server-error',
  'timeout',
  'connection-failed',
  'dns-failure',
  'tls-error',
  'unexpected-response',
]);

export function refusalFindings(ctx: StepContext, obs: Observation): Cause[] {
  return ctx.classify(obs).filter((f) => REFUSAL_IDS.has(f.id));
}

export function signedEvidence(ctx: StepContext, obs: Observation): string[] {
  return [...describeSignedRequest(obs), `Answer: ${describeAnswer(obs)}`];
}
