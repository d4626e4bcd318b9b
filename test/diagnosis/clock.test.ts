import { describe, expect, it } from 'vitest';
import { arrivalLeadMs, classifyClock, clockVerdict } from '../../src/core/classify.js';

/** Rule: accept iff timestamp < serverTime + 1000 && serverTime − timestamp ≤ recvWindow (docs/mexc-api.md §1.1). */
describe('classifyClock', () => {
  it('reports clock-ahead when the local clock leads by 1.2 s', () => {
    const [finding, ...rest] = classifyClock(1200, 0, 5000);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ id: 'clock-ahead', facts: { localAheadMs: 1200, nearEdge: false, severity: 'error' } });
  });

  it('passes a request that lands 999 ms in the future (only a near-edge warning)', () => {
    const findings = classifyClock(999, 0, 5000);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'clock-ahead', facts: { nearEdge: true, severity: 'warning', marginMs: 1 } });
  });

  it('fails a request that lands exactly 1000 ms in the future', () => {
    expect(classifyClock(1000, 0, 5000)[0]).toMatchObject({ id: 'clock-ahead', facts: { nearEdge: false } });
  });

  it('subtracts the one-way latency: 1.1 s ahead with a 400 ms round trip lands 900 ms ahead and passes', () => {
    expect(arrivalLeadMs(1100, 400)).toBe(900);
    expect(classifyClock(1100, 400, 5000)[0]?.facts.nearEdge).toBe(true);
  });

  it('passes a clock behind by exactly recvWindow (the rule is ≤), with a near-edge warning', () => {
    const findings = classifyClock(-5000, 0, 5000);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'clock-behind', facts: { nearEdge: true, marginMs: 0 } });
  });

  it('reports clock-behind when lag plus latency exceeds recvWindow', () => {
    expect(classifyClock(-4950, 200, 5000)[0]).toMatchObject({ id: 'clock-behind', facts: { nearEdge: false, arrivalLeadMs: -5050 } });
  });

  it('reports clock-behind at 9 s behind with the default recvWindow, but not with recvWindow 10000', () => {
    expect(classifyClock(-9000, 50, 5000)[0]?.facts.nearEdge).toBe(false);
    expect(classifyClock(-9000, 50, 10000)[0]?.facts.nearEdge).toBe(true);
  });

  it('finds nothing for a clock within 100 ms of MEXC', () => {
    expect(classifyClock(100, 60, 5000)).toEqual([]);
    expect(classifyClock(-100, 60, 5000)).toEqual([]);
  });

  it('warns from 80 % of either edge, not before', () => {
    expect(classifyClock(799, 0, 5000)).toEqual([]);
    expect(classifyClock(800, 0, 5000)[0]?.facts.nearEdge).toBe(true);
    expect(classifyClock(-3999, 0, 5000)).toEqual([]);
    expect(classifyClock(-4000, 0, 5000)[0]?.facts.nearEdge).toBe(true);
  });
});

describe('clockVerdict', () => {
  it('summarises the findings as ok, near-edge, ahead or behind', () => {
    expect(clockVerdict(0, 50, 5000).verdict).toBe('ok');
    expect(clockVerdict(900, 0, 5000).verdict).toBe('near-edge');
    expect(clockVerdict(4200, 80, 5000).verdict).toBe('ahead');
    expect(clockVerdict(-9000, 80, 5000)).toEqual({ localAheadMs: -9000, rttMs: 80, verdict: 'behind' });
  });
});
