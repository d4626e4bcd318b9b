import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosesMarkdown } from '../../src/core/catalog/document.js';
import { DIAGNOSIS_IDS } from '../../src/core/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOC = path.join(ROOT, 'docs/diagnoses.md');

describe('docs/diagnoses.md', () => {
  it('is the catalog, rendered (UPDATE_DOCS=1 rewrites it: npm run docs:diagnoses)', () => {
    const rendered = diagnosesMarkdown();
    if (process.env.UPDATE_DOCS === '1') {
      mkdirSync(path.dirname(DOC), { recursive: true });
      writeFileSync(DOC, rendered);
    }
    expect(existsSync(DOC), 'run npm run docs:diagnoses').toBe(true);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it('names every diagnosis with a source for each code it reads', () => {
    const doc = diagnosesMarkdown();
    for (const id of DIAGNOSIS_IDS) expect(doc).toContain(`## \`${id}\``);
    for (const line of doc.split('\n').filter((l) => /^\| (spot|futures|binance) code/.test(l))) expect(line).toMatch(/\| [^|]*(docs\/mexc-api\.md|https:\/\/)[^|]*\|$/);
  });
});

describe('README', () => {
  it('lists every diagnosis id in its diagnosis table', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Diagnoses'));
    for (const id of DIAGNOSIS_IDS) expect(table, id).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'));
  });
});
