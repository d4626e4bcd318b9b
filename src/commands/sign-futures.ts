import { FUTURES_HEADER, looksLikeSeconds, signFuturesRaw, sortQuerySegments } from '../core/futures-signing.js';
import { maskKey, redactSecrets } from '../core/redact.js';
import { readApiKey, readSecret, TRIMMED_SECRET_NOTE } from './secret.js';
import { EXIT, toolCommand, UsageError, type CommandIO } from '../shell/io.js';
import { numberOptionError } from '../shell/number-options.js';

export interface FuturesSignFlags {
  /** GET/DELETE parameters as a query string (`symbol=BTC_USDT&page_size=20`). */
  params?: string;
  /** POST: the JSON body exactly as your code sends it. */
  body?: string;
  /** Milliseconds; defaults to now. */
  requestTime?: string;
  json?: boolean;
  /** `--dotenv PATH`: where the key and secret may be kept. */
  envFile?: string;
}

const example = (io: CommandIO) => `Example: ${toolCommand(io, "sign --futures 'symbol=BTC_USDT'")}   or   ${toolCommand(io, `sign --futures --body '{"symbol":"BTC_USDT","vol":1}'`)}`;

/**
 * `mexc-wizard sign --futures [PARAMS] [--body JSON] [--request-time MS]`: the futures string to
 * sign (ApiKey + Request-Time + parameters), its signature and the headers that carry them
 * (https://www.mexc.com/api-docs/futures/integration-guide).
 */
export async function runFuturesSign(flags: FuturesSignFlags, io: CommandIO): Promise<number> {
  const notes: string[] = [];
  const paramString = flags.body !== undefined ? bodyParamString(flags, notes, io) : queryParamString(flags.params ?? '', notes, io);
  const requestTime = parseRequestTime(flags.requestTime, io, notes);

  const apiKey = readApiKey(io, flags.envFile);
  if (!apiKey) {
    throw new UsageError(
      'No API key: the futures string to sign starts with it. Set MEXC_API_KEY in the environment or in ./.env.',
      `Example: MEXC_API_KEY=mx0... MEXC_SECRET_KEY=... ${toolCommand(io, "sign --futures 'symbol=BTC_USDT'")}`,
    );
  }
  const rawSecret = await readSecret(io, flags.envFile !== undefined ? { envFile: flags.envFile } : {});
  const secret = rawSecret.trim();
  if (secret !== rawSecret) notes.push(TRIMMED_SECRET_NOTE);
  const signed = signFuturesRaw({ apiKey, secret, requestTime, paramString });
  const headers = {
    [FUTURES_HEADER.apiKey]: apiKey,
    [FUTURES_HEADER.requestTime]: requestTime,
    [FUTURES_HEADER.signature]: signed.signature,
  };
  const output = flags.json
    ? `${JSON.stringify({ stringToSign: signed.stringToSign, signature: signed.signature, headers, ...(notes.length ? { notes } : {}) }, null, 2)}\n`
    : renderText({ apiKey, requestTime, paramString, signature: signed.signature, isBody: flags.body !== undefined, notes });
  io.stdout(redactSecrets(output, [secret]));
  return EXIT.ok;
}

/** GET/DELETE: the parameters MEXC sorts by name before it checks the signature. */
function queryParamString(raw: string, notes: string[], io: CommandIO): string {
  const given = raw.trim().replace(/^\?/, '');
  if (/^https?:\/\//i.test(given)) {
    throw new UsageError('sign --futures takes the parameters, not a URL.', `To check a whole request your code sent, use: ${toolCommand(io, 'inspect "<curl command or log>"')}`);
  }
  const pairs = given.split('&').filter((pair) => pair !== '');
  const spotStyle = pairs.map((pair) => pair.split('=', 1)[0]).filter((name) => name === 'signature' || name === 'timestamp');
  if (spotStyle.length > 0) {
    notes.push(
      `The parameters include ${spotStyle.join(' and ')}: that is spot-style signing. The futures API takes the time and the signature as the Request-Time and Signature headers; as parameters MEXC simply signs them along with the rest.`,
    );
  }
  const asGiven = pairs.join('&');
  const sorted = sortQuerySegments(asGiven);
  if (sorted !== asGiven) {
    notes.push(
      `The parameters were not in dictionary order ("${asGiven}"). MEXC sorts GET/DELETE parameters by name before it checks the signature, so this signs "${sorted}"; a signature over the order you gave is answered with 602.`,
    );
  }
  if (/[ +]/.test(sorted)) notes.push('A value contains a space or "+": the docs\' Java sample encodes a space as %20.');
  if (/%(?:[0-9a-f][a-f]|[a-f][0-9a-f])/.test(sorted)) notes.push('Lowercase percent escapes (e.g. %2c): the docs\' Java sample writes them in uppercase (%2C).');
  const values = sorted.split('&').map((pair) => pair.slice(pair.indexOf('=') + 1));
  if (values.some((v) => /[^A-Za-z0-9\-_.*%+ ]/.test(v))) notes.push('A value has characters the docs\' Java sample would percent-encode (e.g. "," as %2C); sign and send the same encoded text.');
  return sorted;
}

/** POST: the raw JSON body, byte for byte, not sorted. */
function bodyParamString(flags: FuturesSignFlags, notes: string[], io: CommandIO): string {
  const body = flags.body ?? '';
  if (flags.params !== undefined && flags.params.trim() !== '') {
    throw new UsageError(
      'Give either PARAMS (GET/DELETE: the sorted query is signed) or --body (POST: the raw JSON body is signed), not both.',
      example(io),
    );
  }
  try {
    JSON.parse(body);
  } catch (error) {
    throw new UsageError(
      `--body is not valid JSON (${(error as Error).message}). A futures POST signs and sends a JSON body; MEXC answers 601 "Data decoding error" to one it cannot read.`,
      example(io),
    );
  }
  if (body !== body.trim()) notes.push('The body has spaces or line breaks around it: they are signed too, so send exactly these bytes.');
  return body;
}

function parseRequestTime(raw: string | undefined, io: CommandIO, notes: string[]): string {
  if (raw === undefined) {
    notes.push('Request-Time is now; pass --request-time MS to sign the time your code used.');
    return String(io.now());
  }
  const value = raw.trim();
  if (!/^\d{1,16}(?:\.\d+)?$/.test(value)) {
    throw numberOptionError('request-time', raw);
  }
  if (looksLikeSeconds(value)) {
    notes.push(
      `Request-Time ${value} looks like seconds: MEXC reads milliseconds (13 digits), so this request would be refused with 513 (outside the 10 s window). JS: Date.now(); Python: int(time.time() * 1000).`,
    );
  } else if (value.includes('.')) {
    notes.push(`Request-Time ${value} has a fraction: send whole milliseconds.`);
  }
  return value;
}

function renderText(r: { apiKey: string; requestTime: string; paramString: string; signature: string; isBody: boolean; notes: string[] }): string {
  const key = maskKey(r.apiKey);
  const send = r.isBody
    ? `Send this body byte for byte: ${r.paramString}`
    : r.paramString
      ? `Send the query in this order: ?${r.paramString}`
      : 'No parameters: the string to sign ends with the Request-Time.';
  return [
    `String to sign:  [ApiKey]${r.requestTime}${r.paramString}`,
    `                 ([ApiKey] is your API key ${key}, then Request-Time, then the ${r.isBody ? 'raw JSON body' : 'sorted parameters'}, nothing between them; --json prints the exact string)`,
    `Signature:       ${r.signature}`,
    'Headers:',
    `  ${FUTURES_HEADER.apiKey}: ${key}`,
    `  ${FUTURES_HEADER.requestTime}: ${r.requestTime}`,
    `  ${FUTURES_HEADER.signature}: ${r.signature}`,
    '  Content-Type: application/json',
    send,
    ...r.notes.map((n) => `Note: ${n}`),
    '',
  ].join('\n');
}
