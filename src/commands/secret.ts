import { SECRET_VARS } from '../core/credentials.js';
import { UsageError, type CommandIO } from '../shell/io.js';

/** The secret from MEXC_SECRET_KEY (or an alias), else a masked prompt on a terminal. Never a flag. */
export async function readSecret(io: CommandIO): Promise<string> {
  for (const name of SECRET_VARS) {
    const value = io.env[name]?.trim();
    if (value) return value;
  }
  if (io.isTTY && io.promptSecret) {
    const typed = (await io.promptSecret('MEXC secret key (input hidden)')).trim();
    if (typed) return typed;
  }
  throw new UsageError(
    'No secret key: set MEXC_SECRET_KEY (or MEXC_API_SECRET / MEXC_SECRET).',
    "Example: MEXC_SECRET_KEY=... mexc-wizard sign '...'   (the secret is never accepted as a flag: it would end up in shell history)",
  );
}
