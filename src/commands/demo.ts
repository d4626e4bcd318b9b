import type { CommandIO } from '../shell/io.js';
import { isFuturesScenarioName } from '../sim/futures/scenarios.js';
import type { ScenarioName } from '../sim/scenarios.js';
import { runCheck, type CheckFlags } from './check.js';
import { demoSimulator } from './demo-simulator.js';

/**
 * `--demo` without a terminal: the built-in simulator with throwaway credentials, then `check`
 * against it (`check --futures` for a futures scenario). No key and no network needed.
 */
export async function runDemoCheck(flags: CheckFlags & { scenario?: ScenarioName }, io: CommandIO): Promise<number> {
  const scenario = flags.scenario ?? 'ok';
  const { sim, apiKey, secret } = await demoSimulator().start(scenario);
  try {
    const env = { ...io.env, MEXC_API_KEY: apiKey, MEXC_SECRET_KEY: secret, MEXC_API_SECRET: undefined, MEXC_SECRET: undefined };
    io.stderr(`Demo: simulator at ${sim.url}, scenario "${scenario}", throwaway credentials.\n`);
    const { envFile: _ignored, ...rest } = flags;
    void _ignored;
    const futures = isFuturesScenarioName(scenario);
    return await runCheck({ ...rest, futures, baseUrl: sim.url, timeout: flags.timeout ?? (scenario === 'timeout' ? '2000' : undefined) }, { ...io, env, cwd: '/nonexistent-demo-dir' });
  } finally {
    await sim.close();
  }
}
