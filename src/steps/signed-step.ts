import type { Observation } from '../core/types.js';
import { describeAnswer, describeSignedRequest } from './describe.js';

/** The signed request as evidence: what was sent, what was signed, what came back. */
export function signedEvidence(obs: Observation): string[] {
  return [...describeSignedRequest(obs), `Answer: ${describeAnswer(obs)}`];
}
