import { SCENARIOS, UnknownScenarioError, parseScenarioName, type ScenarioName } from '../sim/scenarios.js';
import { UsageError } from '../shell/io.js';

/**
 * The one check of a `--scenario` value, for every mode that takes one (the wizard, --plain,
 * --demo without a terminal): a simulator scenario name, or a usage error that lists them.
 */
export function scenarioFlag(raw: string): ScenarioName {
  try {
    return parseScenarioName(raw);
  } catch (error) {
    if (!(error instanceof UnknownScenarioError)) throw error;
    throw new UsageError(`Unknown scenario "${raw}".`, `Scenarios: ${SCENARIOS.map((s) => s.name).join(', ')} ("mexc-wizard sim --scenario list" describes them).`);
  }
}
