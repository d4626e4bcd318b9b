import { renderDiagnosis } from '../../src/core/catalog/index.js';
import type { FoundCredentials } from '../../src/core/credentials.js';
import type { Diagnosis, DiagnosisId, Cause, Fix, FixContext, StepId, StepResult, StepStatus } from '../../src/core/types.js';

/**
 * Small, named fixtures shared by the flow, Ink and plain tests: made-up diagnoses with
 * numbered fixes and step results carrying them (`diagnosis`, `result`), and real catalog
 * entries (`catalog`, `stepResult`) with the credentials the wizard would find.
 */
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

export const CTX: FixContext = { baseUrl: 'https://api.mexc.com', symbol: 'BTCUSDT', recvWindowMs: 5000, platform: 'linux', apiKey: 'mx0aBYs33eIilxBWC5' };

/** A diagnosis as the real catalog renders it. */
export function catalog(id: DiagnosisId, facts: Cause['facts'] = {}): Diagnosis {
  return renderDiagnosis({ id, facts }, CTX);
}

export function stepResult(id: StepId, status: StepResult['status'], diagnoses: Diagnosis[] = [], evidence: string[] = []): StepResult {
  return { id, status, summary: `${id}: ${status}`, evidence, diagnoses, durationMs: 3 };
}

export const FOUND: FoundCredentials = {
  apiKey: { value: 'mx0aBYs33eIilxBWC5', origin: 'dotenv', variable: 'MEXC_API_KEY', file: '.env' },
  secret: { value: '45d0b3c26f2644f19bfb98b07741b2f5', origin: 'environment', variable: 'MEXC_SECRET_KEY' },
};

