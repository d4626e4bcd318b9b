import type { DiagnosisId, Cause, Fix, FixContext } from '../types.js';

export type Facts = Cause['facts'];

/**
 * One row of the diagnosis catalog: everything a front end shows for a diagnosis. Titles and
 * explanations may read the facts (e.g. "ahead" vs "close to ahead"); fixes get the user's
 * context so commands and snippets are filled in.
 */
export interface CatalogEntry {
  title: string | ((facts: Facts) => string);
  explanation: string | ((facts: Facts) => string);
  /** Fact names shown as evidence lines, in this order (see evidence.ts for the wording). */
  evidence: readonly string[];
  fixes: (ctx: FixContext, facts: Facts) => Fix[];
}

/** A group of entries (one file per group); index.ts checks that together they cover every id. */
export type CatalogGroup = Partial<Record<DiagnosisId, CatalogEntry>>;
