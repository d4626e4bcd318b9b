import { ORDER_TEST_PROOFS, SUCCESS_SHAPES } from '../answers.js';
import { DIAGNOSIS_IDS } from '../types.js';
import { catalogEntry, type CatalogEntry } from './index.js';

/**
 * docs/diagnoses.md, rendered from the catalog: what each diagnosis reads (codes, messages,
 * HTTP statuses, network errors) with the source of each. Not part of the CLI bundle: the test
 * test/diagnosis/docs.test.ts compares the file with this, and `npm run docs:diagnoses` rewrites it.
 */

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

const REFUSAL_WORDS = {
  'every-request': 'yes: every signed request meets it (later signed steps are skipped)',
  'this-endpoint': 'yes, for this endpoint or symbol only',
  false: 'no',
} as const;

const HELPER_WORDS = { lab: 'signature lab (l)', expiry: 'key-expiry helper (e)', credentials: 'type the credentials (t)' } as const;

function titleOf(entry: CatalogEntry): string {
  return typeof entry.title === 'function' ? entry.title({}) : entry.title;
}

function readRows(entry: CatalogEntry): string[] {
  const rows: string[] = [];
  const r = entry.reads;
  for (const c of r.codes ?? []) rows.push(`| ${c.family} code | \`${c.code}\`${c.when ? ' (depends on the message)' : ''} | ${cell(c.text)} | ${cell(c.source)} |`);
  for (const m of r.messages ?? []) {
    const what = 'fragment' in m ? `"${m.fragment}"` : `pattern \`${m.pattern.source}\``;
    const example = 'fragment' in m ? '' : `e.g. "${m.example}"`;
    rows.push(`| message${m.beatsCode ? ' (wins over any code)' : ''} | ${cell(what)} | ${cell(example)} | ${cell(m.source)} |`);
  }
  if (r.httpStatuses) {
    const s = r.httpStatuses.statuses;
    const list = 'from' in s ? `${s.from}–${s.to}` : s.join(', ');
    rows.push(`| HTTP status | ${list} | when no MEXC code says otherwise | ${cell(r.httpStatuses.source)} |`);
  }
  if (r.network?.codes?.length) rows.push(`| network error code | ${r.network.codes.map((c) => `\`${c}\``).join(', ')} | | Node.js errors (https://nodejs.org/api/errors.html) |`);
  if (r.network?.codePattern) rows.push(`| network error code | pattern \`${cell(r.network.codePattern.source)}\` | | Node.js errors (https://nodejs.org/api/errors.html) |`);
  for (const t of r.network?.texts ?? []) rows.push(`| pasted error text | pattern \`${cell(t.pattern.source)}\` | ${cell(`e.g. "${t.example}"`)} | ${cell(t.source)} |`);
  return rows;
}

export function diagnosesMarkdown(): string {
  const out: string[] = [
    '# Diagnoses: what each one reads, and where that comes from',
    '',
    'Generated from the diagnosis catalog (`src/core/catalog`) by `npm run docs:diagnoses`; a test',
    'fails when this file and the catalog disagree. Sections of `docs/mexc-api.md` cite the public',
    'sources of each fact.',
    '',
    'How an answer is read: words that win over any code (an expired key, maintenance) → a known',
    "code of the answer's API family (futures answers carry `success`; Binance codes are negative) →",
    'a known message (it wins over a code this tool does not know) → the HTTP status →',
    '`unknown-error`, which shows the raw code and message.',
    '',
  ];
  for (const id of DIAGNOSIS_IDS) {
    const entry = catalogEntry(id);
    out.push(`## \`${id}\`: ${titleOf(entry)}`, '');
    const helpers = entry.helpers.map((h) => HELPER_WORDS[h]).join(', ');
    out.push(`Refusal: ${REFUSAL_WORDS[String(entry.refusal) as keyof typeof REFUSAL_WORDS]}.${helpers ? ` Fix screen also offers: ${helpers}.` : ''}`, '');
    const rows = readRows(entry);
    if (rows.length) out.push('| reads | value | text | source |', '|---|---|---|---|', ...rows, '');
    else out.push('Reads no answer: found by the local checks (credential lint, clock measurement).', '');
  }
  out.push(
    '## What a step accepts as success',
    '',
    'A step passes only when the answer has the shape MEXC sends on success (`src/core/answers.ts`,',
    'docs/mexc-api.md §2). Anything else is a diagnosis, at least `unexpected-response`.',
    '',
    '| endpoint | success is |',
    '|---|---|',
    ...Object.entries(SUCCESS_SHAPES).map(([endpoint, shape]) => `| \`${endpoint}\` | ${cell(shape.expected)} |`),
    '',
    '## Order-validation codes that prove the Trade permission',
    '',
    '`POST /api/v3/order/test` confirms the Trade permission with `{}`, or with one of these codes:',
    'MEXC validates the order itself only for a request that passed authentication and the',
    'permission check (docs/mexc-api.md §3, "Order-validation and business codes"; which codes come',
    'only after the permission check is inferred from what each validates, MEXC does not say).',
    '',
    '| code | MEXC text | what MEXC checked |',
    '|---|---|---|',
    ...ORDER_TEST_PROOFS.map((p) => `| \`${p.code}\` | ${cell(p.text)} | ${cell(p.checked)} |`),
    '',
  );
  return out.join('\n');
}
