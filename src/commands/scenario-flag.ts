import { SCENARIOS, UnknownScenarioError, parseScenarioName, type ScenarioName } from '../sim/scenarios.js';
import { didYouMean } from '../shell/did-you-mean.js';
import { toolCommand, UsageError, type CommandIO } from '../shell/io.js';

/**
 * The one check of a `--scenario` value, for every mode that takes one (the wizard, --plain,
 * --demo without a terminal, check --demo): a simulator scenario name, or a usage error that
 * lists them and names the closest one.
 */
export function scenarioFlag(raw: string, io: Pick<CommandIO, 'invocation'> = {}): ScenarioName {
  try {
    return parseScenarioName(raw);
  } catch (error) {
    if (!(error instanceof UnknownScenarioError)) throw error;
    const names = SCENARIOS.map((s) => s.name);
    throw new UsageError(`Unknown scenario "${raw}".${didYouMean(raw, names)}`, `Scenarios: ${names.join(', ')} ("${toolCommand(io, 'sim --scenario list')}" describes them).`);
  }
}
