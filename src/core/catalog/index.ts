import { DEFAULT_INVOCATION } from '../defaults.js';
import { maskKey } from '../redact.js';
import { DIAGNOSIS_IDS, type Diagnosis, type DiagnosisId, type Cause, type Fix, type FixContext } from '../types.js';
import { authEntries } from './auth.js';
import { clockEntries } from './clock.js';
import { connectivityEntries } from './connectivity.js';
import { credentialEntries } from './credentials.js';
import { evidenceLines } from './evidence.js';
import { futuresEntries, isFuturesCase } from './futures.js';
import { requestEntries } from './request.js';
import type { CatalogEntry, Facts, Helper } from './types.js';

export type { CatalogEntry, CodeFamily, CodeRead, Facts, Helper, MessageRead, NetworkRead, Refusal } from './types.js';
export { formatMs, ipFromEvidence, mexcAnswerFromEvidence } from './evidence.js';

/**
 * The diagnosis catalog: one entry per DiagnosisId. `satisfies` a full Record, so a DiagnosisId
 * without an entry (or an entry without an id) is a compile error.
 */
export const CATALOG = {
  ...credentialEntries,
  ...connectivityEntries,
  ...clockEntries,
  ...authEntries,
  ...requestEntries,
  ...futuresEntries,
} satisfies Record<DiagnosisId, CatalogEntry>;

export function catalogEntry(id: DiagnosisId): CatalogEntry {
  return CATALOG[id];
}

// ---------------------------------------------------------------------------------------------
// Sets derived from the catalog

function idsWhere(test: (entry: CatalogEntry) => boolean): ReadonlySet<DiagnosisId> {
  return new Set(DIAGNOSIS_IDS.filter((id) => test(CATALOG[id])));
}

/** Diagnoses that mean the request was turned away (see `Refusal`). */
export const REFUSAL_IDS = idsWhere((e) => e.refusal !== false);
/** Refusals that every later signed request would meet too. */
export const KEY_WIDE_REFUSAL_IDS = idsWhere((e) => e.refusal === 'every-request');

/** Diagnoses whose fix screen offers a helper screen. */
export function diagnosesOffering(helper: Helper): ReadonlySet<DiagnosisId> {
  return idsWhere((e) => e.helpers.includes(helper));
}

/** The signature lab (key l). */
export const LAB_DIAGNOSES = diagnosesOffering('lab');
/** The key-expiry helper (key e). */
export const EXPIRY_DIAGNOSES = diagnosesOffering('expiry');
/** Typing the credentials again (key t). */
export const CREDENTIAL_DIAGNOSES = diagnosesOffering('credentials');

// ---------------------------------------------------------------------------------------------

/** Renders a classifier finding into what every front end shows: title, words, evidence, fixes. */
export function renderDiagnosis(finding: Cause, ctx: FixContext): Diagnosis {
  const entry: CatalogEntry = CATALOG[finding.id] ?? CATALOG['unknown-error'];
  const facts: Facts = { ...finding.facts };
  if (ctx.apiKey && facts.maskedKey === undefined && entry.evidence.includes('maskedKey')) facts.maskedKey = maskKey(ctx.apiKey);
  const fixes = entry.fixes(ctx, facts);
  const named = (text: string) => namingTool(text, ctx.invocation);
  const explanation = typeof entry.explanation === 'function' ? entry.explanation(facts, ctx) : entry.explanation;
  return {
    id: finding.id,
    title: typeof entry.title === 'function' ? entry.title(facts) : entry.title,
    explanation: named(explanation),
    evidence: evidenceLines(entry.evidence, facts),
    fixes: (isFuturesCase(facts, ctx) ? fixes.map(futuresCheckCommand) : fixes).map((fix) => ({ ...fix, title: named(fix.title), text: named(fix.text) })),
  };
}

/** A fix that says "run npx mexc-wizard check" means the futures checks for a futures problem (no --symbol there). */
function futuresCheckCommand(fix: Fix): Fix {
  return { ...fix, text: fix.text.replace(/npx mexc-wizard check(?! --futures)(?: --symbol \S+)?/g, 'npx mexc-wizard check --futures') };
}

/**
 * The catalog writes its own commands as `npx mexc-wizard …`; they are shown the way the user
 * started the tool (`node bin/mexc-wizard.js check`, `npm start --silent -- check`), so they run.
 */
function namingTool(text: string, invocation: string | undefined): string {
  return invocation && invocation !== DEFAULT_INVOCATION ? text.split(DEFAULT_INVOCATION).join(invocation) : text;
}
