import { EXPECTED_INPUT, futuresInputProblem, inspectRequest, isFuturesRequest, parseRequestText, type LabResult, type ParsedRequest } from '../core/lab/index.js';
import { maskKey, redactSecrets, shortenHex, shortenSignatureParam } from '../core/redact.js';
import { EXIT, UsageError, type CommandIO } from '../shell/io.js';

/** Where the secret may come from: never a flag, it would leak into `ps` and shell history. */
const SECRET_ENV_NAMES = ['MEXC_SECRET_KEY', 'MEXC_API_SECRET', 'MEXC_SECRET'] as const;

export interface InspectOptions {
  /** The request text, `-` for stdin, or undefined (stdin when piped). */
  input?: string;
  json: boolean;
}

/** `mexc-wizard inspect [INPUT|-] [--json]`: the signature lab. 0 valid · 1 problem found · 2 unusable input. */
export async function runInspect(opts: InspectOptions, io: CommandIO): Promise<number> {
  const envSecrets = SECRET_ENV_NAMES.map((name) => io.env[name]);
  try {
    const text = await readInput(opts.input, io);
    const parsed = parseRequestText(text);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const futuresProblem = isFuturesRequest(parsed) ? futuresInputProblem(parsed) : undefined;
    if (futuresProblem) throw new UsageError(futuresProblem, FUTURES_INPUT_HINT);
    const secret = await readSecret(io);
    if (secret === undefined) return EXIT.interrupted;
    const result = inspectRequest(parsed, secret);
    const out = opts.json ? JSON.stringify(toJson(result), null, 2) + '\n' : renderText(parsed, result);
    io.stdout(redactSecrets(maskApiKeys(out, parsed, result), [secret, ...envSecrets]));
    return result.valid ? EXIT.ok : EXIT.problem;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const hint = err.hint ? `\n${err.hint}` : '';
    io.stderr(redactSecrets(`${err.message}${hint}\n`, envSecrets));
    return EXIT.usage;
  }
}

const FUTURES_INPUT_HINT =
  "Give the curl command (curl -H 'ApiKey: …' -H 'Request-Time: …' -H 'Signature: …' 'https://api.mexc.com/api/v1/private/…') " +
  'or the log: the method line with the URL, then the "Name: value" header lines, then the body.';

/** A signed MEXC request is a few KB at most; a bigger paste is a log file or a mistake. */
const MAX_REQUEST_CHARS = 256 * 1024;

async function readInput(input: string | undefined, io: CommandIO): Promise<string> {
  const text = await readRawInput(input, io);
  if (text.length > MAX_REQUEST_CHARS) {
    throw new UsageError(
      `That input is ${(text.length / 1024 / 1024).toFixed(1)} MB: a request MEXC accepts is a few KB.`,
      'Paste only the request your code sent: its URL, its curl command, or the method line with headers and body.',
    );
  }
  return text;
}

async function readRawInput(input: string | undefined, io: CommandIO): Promise<string> {
  if (input !== undefined && input !== '-') return input;
  if (input === undefined && io.isTTY) {
    throw new UsageError(
      'Nothing to inspect: give the request your code sent as an argument or on standard input.',
      "Example: mexc-wizard inspect 'https://api.mexc.com/api/v3/account?timestamp=1644489390087&signature=…'  or  pbpaste | mexc-wizard inspect -",
    );
  }
  const text = await io.readStdin();
  if (text.trim() === '') throw new UsageError(`Nothing to inspect: standard input was empty. ${EXPECTED_INPUT}`);
  return text;
}

/** The secret from the environment, else a masked prompt on a terminal; undefined when interrupted. */
async function readSecret(io: CommandIO): Promise<string | undefined> {
  for (const name of SECRET_ENV_NAMES) {
    const value = io.env[name];
    if (value && value.trim() !== '') return value;
  }
  if (!io.isTTY || !io.promptSecret) {
    throw new UsageError(
      'The lab needs your API secret to recompute the signature: set MEXC_SECRET_KEY (or MEXC_API_SECRET / MEXC_SECRET), or run in a terminal to be asked for it.',
      'The secret is never taken as a command-line flag (it would end up in shell history). Example: MEXC_SECRET_KEY=… mexc-wizard inspect "<url>"',
    );
  }
  let secret: string;
  try {
    secret = await io.promptSecret('MEXC API secret (not shown, never stored)');
  } catch (err) {
    if (io.signal.aborted) return undefined;
    throw err;
  }
  if (io.signal.aborted) return undefined;
  if (secret.trim() === '') throw new UsageError('No secret entered: the lab needs it to recompute the signature.');
  return secret;
}

/** Keys are shown masked, as everywhere: the header key and a v2-style `api_key=` value. */
function maskApiKeys(text: string, req: ParsedRequest, result: LabResult): string {
  const v2Key = req.query.find((p) => p.name === 'api_key')?.rawValue;
  let out = text;
  for (const key of [result.apiKey, v2Key]) {
    if (key && key.length >= 8) out = out.split(key).join(maskKey(key));
  }
  return out;
}

/** The `--json` contract (README "inspect"): `{valid, findings: [{id, title, detail}]}`. */
function toJson(result: LabResult): { valid: boolean; findings: Array<{ id: string; title: string; detail: string }> } {
  return { valid: result.valid, findings: result.findings.map(({ id, title, detail }) => ({ id, title, detail })) };
}

function renderText(req: ParsedRequest, result: LabResult): string {
  const lines: string[] = [result.verdict, ''];
  const where = `${req.host}${req.path}${req.rawQuery ? '?' + req.rawQuery : ''}`;
  lines.push(`  Request     ${req.method ?? '(method not shown)'} ${shortenSignatureParam(where)}`);
  if (req.body) lines.push(`  Body        ${shortenSignatureParam(req.body)}`);
  if (result.apiKey) lines.push(`  API key     ${maskKey(result.apiKey)}`);
  if (result.signature) {
    const { sent, expected, stringToSign, signedString } = result.signature;
    lines.push(`  Signature   sent ${shortenHex(sent)} · MEXC expects ${shortenHex(expected)}`);
    // A futures string starts with the API key: shown as [ApiKey] (its masked form is on the line above).
    const keyless = (t: string): string => (result.apiKey ? t.split(result.apiKey).join('[ApiKey]') : t);
    lines.push(`  MEXC signs  ${keyless(stringToSign)}`);
    if (signedString !== undefined && signedString !== stringToSign) lines.push(`  You signed  ${keyless(signedString)}`);
  }
  for (const f of result.findings) {
    lines.push('', `${f.severity === 'info' ? '✓' : '✗'} ${f.title}  [${f.id}]`, `  ${f.detail}`);
  }
  if (result.notes.length > 0) {
    lines.push('', 'Notes');
    for (const n of result.notes) lines.push(`  - ${n}`);
  }
  return lines.join('\n') + '\n';
}
