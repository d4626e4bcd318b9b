import { findCredentials, SECRET_VARS, type EnvFileText, type FoundCredentials } from '../core/credentials.js';
import { toolCommand, UsageError, type CommandIO } from '../shell/io.js';
import { readEnvText } from '../shell/secrets.js';

/**
 * Where the secret comes from for `sign` and `inspect`: `--dotenv` (alias `--env-file`), the
 * environment (MEXC_SECRET_KEY, MEXC_API_SECRET, MEXC_SECRET), ./.env, or a masked prompt,
 * never a flag (it would leak into `ps` and shell history). The redactor that guards the
 * process's output is shell/secrets.ts.
 */

export interface SecretRequest {
  /** `--dotenv PATH`, read before ./.env. */
  envFile?: string;
  /** The masked prompt's label. */
  prompt?: string;
  /** What to say when there is no secret anywhere and no terminal to ask on. */
  missing?: UsageError;
}

const noSecret = (io: CommandIO) =>
  new UsageError(
    `No secret key: set ${SECRET_VARS[0]} (or ${SECRET_VARS.slice(1).join(' / ')}) in the environment or ./.env, or pass --dotenv FILE.`,
    `Example: MEXC_SECRET_KEY=... ${toolCommand(io, 'sign')} '...'   (the secret is never accepted as a flag: it would end up in shell history)`,
  );

/** --dotenv (when given: it must be a readable file), the environment and ./.env, in that order. */
function found(io: CommandIO, envFilePath: string | undefined): FoundCredentials {
  let envFile: EnvFileText | undefined;
  if (envFilePath !== undefined) {
    const read = readEnvText(envFilePath, io.cwd);
    if (!('text' in read)) throw new UsageError(`--dotenv ${envFilePath}: ${read.problem}.`, 'Give the path of a .env file (KEY=value lines), or drop --dotenv.');
    envFile = read;
  }
  const dotenv = readEnvText('.env', io.cwd);
  return findCredentials({ env: io.env, ...(envFile ? { envFile } : {}), ...('text' in dotenv ? { dotenv } : {}) });
}

/**
 * The secret for `sign` and `inspect`, as written: `--dotenv`, then the environment, then
 * ./.env (the same order as check and the wizard), else the masked prompt on a terminal.
 */
export async function readSecret(io: CommandIO, request: SecretRequest = {}): Promise<string> {
  const secret = found(io, request.envFile).secret;
  if (secret && secret.value.trim()) {
    io.redactor?.add(secret.value);
    return secret.value;
  }
  const missing = request.missing ?? noSecret(io);
  if (io.isTTY && io.promptSecret) {
    const typed = await io.promptSecret(request.prompt ?? 'MEXC secret key (input hidden)');
    io.redactor?.add(typed);
    if (typed.trim()) return typed;
    throw new UsageError('No secret entered.', missing.hint);
  }
  throw missing;
}

/** Issue #13: a secret this tool trims is said out loud, since the user's bot may not trim it. */
export const TRIMMED_SECRET_NOTE =
  "The secret has spaces or line breaks around it: signed without them. If your bot signs with the value as it is stored, its signatures differ from these: remove them where the secret is kept (the bot's .env or config file, and quotes around the value).";

/** The API key from --dotenv, the environment or ./.env; undefined when none has it. */
export function readApiKey(io: CommandIO, envFile?: string): string | undefined {
  return found(io, envFile).apiKey?.value.trim() || undefined;
}
