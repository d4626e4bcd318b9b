import { runCheck, type CheckFlags } from './check.js';
import { UsageError, type CommandIO } from '../shell/io.js';

/**
 * `--demo` without a terminal: the built-in simulator with throwaway credentials, then `check`
 * against it. No key and no network needed.
 */
export async function runDemoCheck(flags: CheckFlags & { scenario?: string }, io: CommandIO): Promise<number> {
  const { startSimulator, generateDemoCredentials, SCENARIOS } = await import('../sim/server.js');
  const scenario = flags.scenario ?? 'ok';
  if (!SCENARIOS.some((s) => s.name === scenario)) {
    throw new UsageError(`Unknown scenario "${scenario}".`, `Scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const creds = generateDemoCredentials();
  const sim = await startSimulator({ port: 0, apiKey: creds.apiKey, secret: creds.secret, scenario: scenario as never });
  try {
    const env = { ...io.env, MEXC_API_KEY: creds.apiKey, MEXC_SECRET_KEY: creds.secret, MEXC_API_SECRET: undefined, MEXC_SECRET: undefined };
    io.stderr(`Demo: simulator at ${sim.url}, scenario "${scenario}", throwaway credentials.\n`);
    const { envFile: _ignored, ...rest } = flags;
    void _ignored;
    return await runCheck({ ...rest, baseUrl: sim.url, timeout: flags.timeout ?? (scenario === 'timeout' ? '2000' : undefined) }, { ...io, env, cwd: '/nonexistent-demo-dir' });
  } finally {
    await sim.close();
  }
}
