import { maskKey } from '../redact.js';
import type { Diagnosis, DiagnosisId, Cause, FixContext } from '../types.js';
import { authEntries } from './auth.js';
import { clockEntries } from './clock.js';
import { connectivityEntries } from './connectivity.js';
import { credentialEntries } from './credentials.js';
import { evidenceLines } from './evidence.js';
import { requestEntries } from './request.js';
import type { CatalogEntry, Facts } from './types.js';

export type { CatalogEntry, Facts } from './types.js';
export { formatMs, ipFromEvidence, mexcAnswerFromEvidence } from './evidence.js';

/**
 * The diagnosis catalog: one entry per DiagnosisId. Typed as a full Record, so adding an id to
 * DIAGNOSIS_IDS without an entry here is a compile error.
 */
export const CATALOG: Readonly<Record<DiagnosisId, CatalogEntry>> = {
  ...credentialEntries,
  ...connectivityEntries,
  ...clockEntries,
  ...authEntries,
  ...requestEntries,
} as Record<DiagnosisId, CatalogEntry>;

/** Renders a classifier finding into what every front end shows: title, words, evidence, fixes. */
export function renderDiagnosis(finding: Cause, ctx: FixContext): Diagnosis {
  const entry = CATALOG[finding.id] ?? CATALOG['unknown-error'];
  const facts: Facts = { ...finding.facts };
  if (ctx.apiKey && facts.maskedKey === undefined && entry.evidence.includes('maskedKey')) facts.maskedKey = maskKey(ctx.apiKey);
  const text = (value: string | ((f: Facts) => string)) => (typeof value === 'function' ? value(facts) : value);
  return {
    id: finding.id,
    title: text(entry.title),
    explanation: text(entry.explanation),
    evidence: evidenceLines(entry.evidence, facts),
    fixes: entry.fixes(ctx, facts),
  };
}
