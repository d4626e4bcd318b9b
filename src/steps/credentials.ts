import { maskKey } from '../core/redact.js';
import type { StepRunner } from './context.js';

/** Step 1 (guide §2 "API key format"): local lint only, nothing leaves the machine. */
export const runCredentials: StepRunner = async (ctx) => {
  const { lint, found } = ctx;
  const evidence = [...lint.evidence];
  if (lint.apiKey) evidence.push(`Key: ${maskKey(lint.apiKey)}`);
  const failed = lint.findings.filter((f) => f.severity === 'fail');
  const diagnoses = ctx.diagnose(lint.findings);
  if (failed.length > 0) {
    const cleanedNote = found.apiKey && found.secret && !failed.some((f) => f.id.endsWith('missing'))
      ? ' (later steps use the cleaned values, to find any other cause)'
      : '';
    const titles = diagnoses.filter((d) => failed.some((f) => f.id === d.id)).map((d) => d.title);
    return { status: 'fail', summary: `${titles.join('; ')}${cleanedNote}`, evidence, diagnoses };
  }
  if (lint.findings.length > 0) {
    // A typed value this tool cleaned is named: the user's bot may not clean it (issue #13).
    const trimmed = diagnoses.filter((d) => lint.findings.some((f) => f.id === d.id && f.facts.trimmed));
    const summary = trimmed.length ? trimmed.map((d) => d.title).join('; ') : 'Credentials found, but their shape is unusual';
    return { status: 'warn', summary, evidence, diagnoses };
  }
  return { status: 'pass', summary: `Key ${maskKey(lint.apiKey ?? '')} and secret found, well-formed`, evidence, diagnoses: [] };
};
