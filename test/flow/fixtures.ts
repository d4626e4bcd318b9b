import type { Diagnosis, DiagnosisId, Fix, StepId, StepResult, StepStatus } from '../../src/core/types.js';

/** Small, named fixtures: a diagnosis with numbered fixes, and a step result carrying it. */
export function diagnosis(id: DiagnosisId, fixes = 2, evidence: string[] = [`evidence for ${id}`]): Diagnosis {
  return {
    id,
    title: `Title of ${id}`,
    explanation: `What ${id} means.`,
    evidence,
    fixes: Array.from({ length: fixes }, (_v, i): Fix => ({ title: `Fix ${i + 1} for ${id}`, lang: 'sh', text: `echo fix-${i + 1}-${id}` })),
  };
}

export function result(id: StepId, status: StepStatus, diagnoses: Diagnosis[] = []): StepResult {
  return { id, status, summary: `${id} ${status}`, evidence: [`${id} evidence`], diagnoses, durationMs: 5 };
}
