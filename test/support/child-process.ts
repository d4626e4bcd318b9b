import { execFileSync } from 'node:child_process';

/** Whether a command runs here (snippet tests skip a language whose tool is missing). */
export function commandRuns(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A child's environment for snippets run against the simulator: no proxies (it is on loopback), no MEXC_ variables but ours. */
export function snippetEnv(secret: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/proxy|^MEXC_/i.test(k)) env[k] = v;
  return { ...env, MEXC_SECRET_KEY: secret, ...extra };
}
