/**
 * `mexc-wizard sim [--port N] [--scenario S] [--latency MS] [--log FILE]`: serves the local MEXC
 * spot v3 simulator until Ctrl-C, with a line per request naming what was wrong with it. The
 * first stdout line is the base URL alone, so scripts can read it.
 */
import path from 'node:path';
import { maskKey, redactSecrets } from '../core/redact.js';
import { redactorFor } from '../core/secret-redactor.js';
import { openRequestLogFile, type RequestLogFile } from '../sim/log-file.js';
import {
  generateDemoCredentials,
  jsonLine,
  SCENARIOS,
  SimListenError,
  startSimulator,
  terminalLine,
  UnknownScenarioError,
  type RunningSim,
} from '../sim/server.js';
import { DEFAULT_SCENARIO, parseScenarioName, type ScenarioName } from '../sim/scenarios.js';
import { EXIT, toolCommand, type CommandIO } from '../shell/io.js';

export interface SimCommandOptions {
  port?: number;
  scenario?: string;
  latencyMs?: number;
  /** `--log FILE`: append one JSON object per request (relative to io.cwd). */
  logFile?: string;
}

/** Fixed, so a bot's config keeps working across runs; `--port 0` picks a free one. */
export const DEFAULT_SIM_PORT = 8799;

const SECRET_ENV_NAMES = ['MEXC_SECRET_KEY', 'MEXC_API_SECRET', 'MEXC_SECRET'] as const;

interface Credentials {
  apiKey: string;
  secret: string;
  /** Where they came from: the env variable names, or undefined for fresh demo credentials. */
  fromEnv?: { keyVar: string; secretVar: string };
}

/**
 * The user's own credentials when both are set (trimmed: real MEXC holds them without
 * whitespace, so a client that signs with a padded secret fails here as it would there).
 */
function pickCredentials(env: CommandIO['env']): { credentials: Credentials; note?: string } {
  const apiKey = env.MEXC_API_KEY?.trim();
  const secretVar = SECRET_ENV_NAMES.find((name) => env[name]?.trim());
  const secret = secretVar ? env[secretVar]!.trim() : undefined;
  if (apiKey && secret && secretVar) {
    return { credentials: { apiKey, secret, fromEnv: { keyVar: 'MEXC_API_KEY', secretVar } } };
  }
  const demo = generateDemoCredentials();
  const note =
    apiKey || secret
      ? `Only ${apiKey ? 'MEXC_API_KEY' : secretVar} is set in your environment; using throwaway demo credentials instead.`
      : undefined;
  return { credentials: demo, ...(note ? { note } : {}) };
}

function usage(io: CommandIO, message: string, hint?: string): number {
  io.stderr(`${message}\n${hint ? `${hint}\n` : ''}`);
  return EXIT.usage;
}

function scenarioList(): string {
  const width = Math.max(...SCENARIOS.map((s) => s.name.length)) + 2;
  return SCENARIOS.map((s) => `  ${s.name.padEnd(width)}${s.description}`).join('\n');
}

function banner(sim: RunningSim, scenario: ScenarioName, credentials: Credentials, io: CommandIO, logFile: string | undefined): string {
  const description = SCENARIOS.find((s) => s.name === scenario)?.description ?? '';
  const lines = [sim.url, `MEXC simulator (spot v3 and futures), scenario "${scenario}": ${description}.`];
  if (credentials.fromEnv) {
    // The secret may be a real one: it is named, never shown.
    lines.push(
      `Accepting your credentials from the environment: API key ${maskKey(credentials.apiKey)} (${credentials.fromEnv.keyVar}), ` +
        `secret from ${credentials.fromEnv.secretVar} (not shown).`,
      'Point your code at it:',
      `  export MEXC_BASE_URL=${sim.url}`,
    );
    if (io.platform === 'win32') lines.push(`  $env:MEXC_BASE_URL="${sim.url}"`);
  } else {
    lines.push(
      'Demo credentials (throwaway, generated for this run):',
      `  API key  ${credentials.apiKey}`,
      `  Secret   ${credentials.secret}`,
      'Point your code at it:',
      `  export MEXC_BASE_URL=${sim.url} MEXC_API_KEY=${credentials.apiKey} MEXC_SECRET_KEY=${credentials.secret}`,
    );
    if (io.platform === 'win32') {
      lines.push(
        `  $env:MEXC_BASE_URL="${sim.url}"; $env:MEXC_API_KEY="${credentials.apiKey}"; $env:MEXC_SECRET_KEY="${credentials.secret}"`,
      );
    }
  }
  lines.push(
    'One line per request below: time, method, path → HTTP status, MEXC code, what the signature lab found, and what to change.',
  );
  if (logFile) lines.push(`Request log: appending one JSON object per request to ${logFile}.`);
  lines.push('Nothing here reaches MEXC and no order is ever executed. Press Ctrl-C to stop.');
  return lines.join('\n') + '\n';
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * Runs until `io.signal` aborts. Returns 0 after a Ctrl-C shutdown: stopping is how a server's
 * run ends, not an interruption of unfinished work (130 is for an interrupted check).
 * 2 for usage errors: unknown scenario, bad port or latency, port in use.
 */
export async function runSim(opts: SimCommandOptions, io: CommandIO): Promise<number> {
  if (opts.scenario === 'list') {
    io.stdout(`Scenarios (${toolCommand(io, 'sim --scenario NAME')}, or ${toolCommand(io, '--demo --scenario NAME')}):\n${scenarioList()}\n`);
    return EXIT.ok;
  }
  let scenario: ScenarioName;
  try {
    scenario = parseScenarioName(opts.scenario ?? DEFAULT_SCENARIO);
  } catch (err) {
    if (err instanceof UnknownScenarioError) {
      return usage(io, `Unknown scenario "${err.requested}". Valid scenarios:`, scenarioList());
    }
    throw err;
  }
  const port = opts.port ?? DEFAULT_SIM_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return usage(io, `--port must be a whole number from 0 to 65535 (got ${String(opts.port)}).`, 'Use --port 0 to let the system pick a free port.');
  }
  const latencyMs = opts.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    return usage(io, `--latency must be a number of milliseconds, 0 or more (got ${String(opts.latencyMs)}).`);
  }

  let logFile: RequestLogFile | undefined;
  if (opts.logFile !== undefined) {
    const opened = openRequestLogFile(opts.logFile, path.resolve(io.cwd, opts.logFile), {
      onWriteError: (message) => io.stderr(message + '\n'),
    });
    if (!opened.ok) return usage(io, opened.message, opened.hint && opened.hint.replace('mexc-wizard sim', toolCommand(io, 'sim')));
    logFile = opened.file;
  }

  const { credentials, note } = pickCredentials(io.env);
  // A secret from the environment may be real: every banner line passes through redaction. Demo
  // secrets are throwaway and must be shown in full there; request lines never hold a secret.
  const redact = (line: string) => (credentials.fromEnv ? redactSecrets(line, [credentials.secret]) : line);

  let sim: RunningSim;
  try {
    sim = await startSimulator({
      port,
      scenario,
      latencyMs,
      apiKey: credentials.apiKey,
      secret: credentials.secret,
      now: io.now,
      onRequest: (entry) => {
        // A bot may send the secret itself: masked in the entry before either line is laid out,
        // and in the finished lines once more (the file is a sink like the terminal).
        const known = redactorFor([credentials.secret, ...(io.redactor?.values() ?? [])]);
        const safe = known.redactDeep(entry);
        io.stdout(known.redact(terminalLine(safe)) + '\n');
        logFile?.append(known.redact(jsonLine(safe)));
      },
    });
  } catch (err) {
    logFile?.close();
    if (err instanceof SimListenError) {
      return usage(
        io,
        err.message,
        'Hint: choose another port with --port N, or --port 0 to let the system pick a free one.',
      );
    }
    throw err;
  }

  io.stdout(redact(banner(sim, scenario, credentials, io, opts.logFile)));
  if (note) io.stdout(note + '\n');

  await waitForAbort(io.signal);
  await sim.close();
  logFile?.close();
  io.stdout('Simulator stopped.\n');
  return EXIT.ok;
}
