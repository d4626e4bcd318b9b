import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shell/io.js';
import { scenarioFlag } from '../../src/commands/scenario-flag.js';
import { SCENARIO_NAMES } from '../../src/sim/scenarios.js';

describe('--scenario', () => {
  it('takes every simulator scenario by name', () => {
    for (const name of SCENARIO_NAMES) expect(scenarioFlag(name)).toBe(name);
  });

  it('refuses an unknown scenario with the list of scenarios', () => {
    expect(() => scenarioFlag('nope')).toThrow(UsageError);
    try {
      scenarioFlag('nope');
    } catch (error) {
      expect((error as UsageError).message).toBe('Unknown scenario "nope".');
      expect((error as UsageError).hint).toContain('clock-ahead');
    }
  });
});
