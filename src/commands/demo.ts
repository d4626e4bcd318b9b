import { toolCommand, UsageError, type CommandIO } from '../shell/io.js';
import { isFuturesScenarioName } from '../sim/futures/scenarios.js';
import type { ScenarioName } from '../sim/scenarios.js';
import { futuresOptions, runCheck, type CheckFlags } from './check.js';
import { demoSimulator } from './demo-simulator.js';
import { sessionOptions } from '../shell/options.js';

/**
 * `check --demo`, and `--demo` without a terminal: the built-in simulator with throwaway
 * credentials, then `check` against it (`check --futures` for a futures scenario). No key and
 * no network needed.
 */
export async function runDemoCheck(flags: CheckFlags & { scenario?: ScenarioName }, io: CommandIO): Promise<number> {
  const scenario = flags.scenario ?? 'ok';
  if (flags.baseUrl !== undefined || flags.envFile !== undefined) {
    throw new UsageError(
      `--demo runs against the built-in simulator with throwaway credentials: ${flags.baseUrl !== undefined ? '--base-url' : '--dotenv'} does not apply.`,
      `Drop it, or run ${toolCommand(io, 'check')} without --demo for your own key.`,
    );
  }
  const { notice, ...rest } = flags;
  const futures = Boolean(flags.futures) || isFuturesScenarioName(scenario);
  const timeout = flags.timeout ?? (scenario === 'timeout' ? '2000' : undefined);
  const checkFlags = { ...rest, futures, ...(timeout !== undefined ? { timeout } : {}) };
  // The flags are checked before the simulator starts or anything is printed.
  if (futures) futuresOptions(checkFlags, io);
  sessionOptions({ ...checkFlags, baseUrl: 'http://127.0.0.1', ...(futures ? { recvWindow: undefined } : {}) }, io);
  const { sim, apiKey, secret } = await demoSimulator().start(scenario);
  try {
    const env = { ...io.env, MEXC_API_KEY: apiKey, MEXC_SECRET_KEY: secret, MEXC_API_SECRET: undefined, MEXC_SECRET: undefined, MEXC_BASE_URL: undefined };
    if (notice) io.stderr(`${notice}\n`);
    io.stderr(`Demo: simulator at ${sim.url}, scenario "${scenario}", throwaway credentials.\n`);
    const rerun = `check --demo${flags.futures ? ' --futures' : ''}${scenario === 'ok' ? '' : ` --scenario ${scenario}`}`;
    return await runCheck({ ...checkFlags, baseUrl: sim.url, rerun }, { ...io, env, cwd: '/nonexistent-demo-dir' });
  } finally {
    await sim.close();
  }
}
