import { labFinding } from './lab/findings.js';
import type { LabFinding } from './lab/types.js';
import type { SecretRedactor } from './secret-redactor.js';

/**
 * The `secret-exposed` finding (issue #11): the pasted text (a request, a log, an error) holds
 * the user's secret, whole or a piece long enough to matter, in any form the redactor knows
 * (raw, quoted, percent- or JSON-encoded, any letter case). Undefined when it does not.
 */
export function secretExposedFinding(text: string, secrets: SecretRedactor): LabFinding | undefined {
  const exposure = secrets.exposure(text);
  if (!exposure) return undefined;
  const where = exposure.places > 1 ? ` (in ${exposure.places} places)` : '';
  const seen = exposure.whole
    ? `The text you gave holds your whole secret key${where}.`
    : `The text you gave holds a piece of your secret key: ${exposure.longestRun} characters in a row${where}. ` +
      'With one signed request from the same text, the fewer characters are missing, the faster the rest can be guessed.';
  return labFinding('secret-exposed', seen);
}
