import { redactorFor } from '../secret-redactor.js';
import { secretExposedFinding } from '../secret-exposure.js';
import { inspectRequest } from './inspect-request.js';
import { parseRequestText } from './parse-request.js';
import type { LabResult } from './types.js';

/**
 * The lab on pasted text, for every front end: parse, inspect, and say when the paste holds
 * the secret (`secret-exposed`, first), also when the paste is not a request at all.
 * `otherSecrets` are the other secrets this run knows (environment, .env files, typed).
 */
export function inspectPaste(text: string, secret: string, otherSecrets: ReadonlyArray<string | undefined> = []): LabResult | { error: string } {
  const exposed = secretExposedFinding(text, redactorFor([secret, ...otherSecrets]));
  const parsed = parseRequestText(text);
  if ('error' in parsed) return { error: exposed ? `${parsed.error} ${exposed.title}: ${exposed.detail}` : parsed.error };
  const result = inspectRequest(parsed, secret);
  if (!exposed) return result;
  return { ...result, verdict: `${result.verdict}. ${exposed.title}`, findings: [exposed, ...result.findings] };
}
