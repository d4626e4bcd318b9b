import { EXPECTED_INPUT, futuresInputProblem, inspectPaste, isFuturesRequest, parseRequestText, type LabResult, type ParsedRequest } from '../core/lab/index.js';
import { maskKey, shortenHex, shortenSignatureParam } from '../core/redact.js';
import { secretExposedFinding } from '../core/secret-exposure.js';
import { mapStrings, terminalSafe, terminalSafeJson } from '../core/terminal-text.js';
import { EXIT, toolCommand, UsageError, type CommandIO } from '../shell/io.js';
import { knownSecrets } from '../shell/secrets.js';
import { readSecret } from './secret.js';

export interface InspectOptions {
  /** The request text, `-` for stdin, or undefined (stdin when piped). */
  input?: string;
  json: boolean;
  /** `--dotenv PATH`: where the secret may be kept. */
  envFile?: string;
}

/** `mexc-wizard inspect [INPUT|-] [--json]`: the signature lab. 0 valid · 1 problem found · 2 unusable input. */
export async function runInspect(opts: InspectOptions, io: CommandIO): Promise<number> {
  const redactor = io.redactor ?? knownSecrets(io.env, io.cwd, opts.envFile);
  try {
    const text = await readInput(opts.input, io);
    const parsed = parseRequestText(text);
    if ('error' in parsed) {
      // Not a request, but perhaps code or a log with the secret in it: say so before anything else.
      const exposed = secretExposedFinding(text, redactor);
      throw new UsageError(exposed ? `${exposed.title}. ${exposed.detail}\n${parsed.error}` : parsed.error);
    }
    const futuresProblem = isFuturesRequest(parsed) ? futuresInputProblem(parsed) : undefined;
    if (futuresProblem) throw new UsageError(futuresProblem, FUTURES_INPUT_HINT);
    const secret = await readSecret(io, {
      ...(opts.envFile !== undefined ? { envFile: opts.envFile } : {}),
      prompt: 'MEXC API secret (not shown, never stored)',
      missing: new UsageError(
        'The lab needs your API secret to recompute the signature: set MEXC_SECRET_KEY (or MEXC_API_SECRET / MEXC_SECRET) in the environment or ./.env, pass --dotenv FILE, or run in a terminal to be asked for it.',
        `The secret is never taken as a command-line flag (it would end up in shell history). Example: MEXC_SECRET_KEY=… ${toolCommand(io, 'inspect')} "<url>"`,
      ),
    });
    redactor.add(secret, secret.trim());
    const result = inspectPaste(text, secret, redactor.values());
    if ('error' in result) throw new UsageError(result.error);
    // Raw values are masked (secret, key) before they are laid out, quoted or JSON-encoded.
    const shown = (value: string) => maskApiKeys(redactor.redact(value), parsed, result);
    io.stdout(opts.json ? `${terminalSafeJson(mapStrings(toJson(result), shown))}\n` : renderText(safeForTerminal(parsed, shown), safeForTerminal(keyless(result), shown), result.apiKey));
    const exposed = result.findings.some((f) => f.id === 'secret-exposed');
    return result.valid && !exposed ? EXIT.ok : EXIT.problem;
  } catch (err) {
    if (!(err instanceof UsageError)) {
      if (io.signal.aborted) return EXIT.interrupted;
      throw err;
    }
    const hint = err.hint ? `\n${err.hint}` : '';
    io.stderr(`${terminalSafe(redactor.redact(`${err.message}${hint}`), { multiline: true })}\n`);
    return EXIT.usage;
  }
}

const FUTURES_INPUT_HINT =
  "Give the curl command (curl -H 'ApiKey: …' -H 'Request-Time: …' -H 'Signature: …' 'https://api.mexc.com/api/v1/private/…') " +
  'or the log: the method line with the URL, then the "Name: value" header lines, then the body.';

/** A futures string to sign starts with the API key: shown as [ApiKey] (its masked form is on its own line). */
function keyless(result: LabResult): LabResult {
  const key = result.apiKey;
  if (!key || !result.signature) return result;
  const swap = (t: string): string => t.split(key).join('[ApiKey]');
  const { stringToSign, signedString } = result.signature;
  return { ...result, signature: { ...result.signature, stringToSign: swap(stringToSign), ...(signedString !== undefined ? { signedString: swap(signedString) } : {}) } };
}

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
      `Example: ${toolCommand(io, 'inspect')} 'https://api.mexc.com/api/v3/account?timestamp=1644489390087&signature=…'  or  pbpaste | ${toolCommand(io, 'inspect')} -`,
    );
  }
  const text = await io.readStdin();
  if (text.trim() === '') throw new UsageError(`Nothing to inspect: standard input was empty. ${EXPECTED_INPUT}`);
  return text;
}

/** Every string masked, then with control characters made visible (one line each). */
function safeForTerminal<T>(value: T, shown: (s: string) => string): T {
  return mapStrings(value, (s) => terminalSafe(shown(s)));
}

/** Keys are shown masked: the header key and a v2-style `api_key=` value. */
function maskApiKeys(text: string, req: ParsedRequest, result: LabResult): string {
  const v2Key = req.query.find((p) => p.name === 'api_key')?.rawValue;
  let out = text;
  for (const key of [result.apiKey, v2Key]) {
    if (key && key.length >= 8) out = out.split(key).join(maskKey(key));
  }
  return out;
}

/** The `--json` contract: `{valid, findings: [{id, title, detail}]}`. */
function toJson(result: LabResult): { valid: boolean; findings: Array<{ id: string; title: string; detail: string }> } {
  return { valid: result.valid, findings: result.findings.map(({ id, title, detail }) => ({ id, title, detail })) };
}

function renderText(req: ParsedRequest, result: LabResult, apiKey: string | undefined): string {
  const lines: string[] = [result.verdict, ''];
  const where = `${req.host}${req.path}${req.rawQuery ? '?' + req.rawQuery : ''}`;
  lines.push(`  Request     ${req.method ?? '(method not shown)'} ${shortenSignatureParam(where)}`);
  if (req.body) lines.push(`  Body        ${shortenSignatureParam(req.body)}`);
  if (apiKey) lines.push(`  API key     ${terminalSafe(maskKey(apiKey))}`);
  if (result.signature) {
    const { sent, expected, stringToSign, signedString } = result.signature;
    lines.push(`  Signature   sent ${shortenHex(sent)} · MEXC expects ${shortenHex(expected)}`);
    lines.push(`  MEXC signs  ${stringToSign}`);
    if (signedString !== undefined && signedString !== stringToSign) lines.push(`  You signed  ${signedString}`);
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
