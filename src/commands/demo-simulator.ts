import type { DemoSimulator } from '../flow/runtime.js';
import { isFuturesScenarioName } from '../sim/futures/scenarios.js';
import { parseScenarioName, SCENARIOS } from '../sim/scenarios.js';

/**
 * The built-in simulator for `--demo`: what the wizard's scenario menu offers (each scenario
 * with the API whose steps it is for: a futures scenario runs the futures steps), and how to
 * start one on a free loopback port with throwaway credentials. The server loads on first use.
 */
const FUTURES_HEALTHY_DESCRIPTION = 'futures: a healthy key with every futures permission; every futures check passes';

export function demoSimulator(): DemoSimulator {
  return {
    scenarios: [
      ...SCENARIOS.filter((s) => !isFuturesScenarioName(s.name)).map((s) => ({ name: s.name, description: s.description, api: 'spot' as const })),
      // The healthy server heads the futures list too, so a futures user sees what a pass looks like.
      { name: 'ok', description: FUTURES_HEALTHY_DESCRIPTION, api: 'futures' as const },
      ...SCENARIOS.filter((s) => isFuturesScenarioName(s.name)).map((s) => ({ name: s.name, description: s.description, api: 'futures' as const })),
    ],
    async start(scenario) {
      const { startSimulator, generateDemoCredentials } = await import('../sim/server.js');
      const creds = generateDemoCredentials();
      const sim = await startSimulator({ port: 0, apiKey: creds.apiKey, secret: creds.secret, scenario: parseScenarioName(scenario) });
      return { sim, ...creds };
    },
  };
}
