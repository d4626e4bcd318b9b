import { SECRET_VARS } from '../core/credentials.js';
import { credentialLoader } from '../shell/options.js';
import { UsageError, type CommandIO } from '../shell/io.js';

/**
 * The secret from MEXC_SECRET_KEY (or an alias) in the environment, then in ./.env, else a masked
 * prompt on a terminal. Never a flag.
 */
export async function readSecret(io: CommandIO): Promise<string> {
  const found = credentialLoader({}, io)().secret?.value.trim();
  if (found) return found;
  if (io.isTTY && io.promptSecret) {
    const typed = (await io.promptSecret('MEXC secret key (input hidden)')).trim();
    if (typed) return typed;
  }
  throw new UsageError(
    `No secret key: set ${SECRET_VARS[0]} (or ${SECRET_VARS.slice(1).join(' / ')}) in the environment or in ./.env.`,
    "Example: MEXC_SECRET_KEY=... mexc-wizard sign '...'   (the secret is never accepted as a flag: it would end up in shell history)",
  );
}

/** The API key from MEXC_API_KEY in the environment, then in ./.env; undefined when neither has it. */
export function readApiKey(io: CommandIO): string | undefined {
  return credentialLoader({}, io)().apiKey?.value.trim() || undefined;
}
