import { SecretRedactor } from '../core/secret-redactor.js';
import { signRaw } from '../core/signing.js';
import { terminalSafe, terminalSafeJson } from '../core/terminal-text.js';
import { readSecret, TRIMMED_SECRET_NOTE } from './secret.js';
import { EXIT, toolCommand, UsageError, type CommandIO } from '../shell/io.js';

export interface SignFlags {
  query?: string;
  body?: string;
  json?: boolean;
  /** `--dotenv PATH`: where the secret may be kept. */
  envFile?: string;
  /** Sign for the futures (contract) API: ApiKey + Request-Time + parameters, in headers. */
  futures?: boolean;
  requestTime?: string;
}

/**
 * `mexc-wizard sign QUERY [--body B]`: signs exactly the text given (the query as your code
 * sends it, then the body, nothing between them), so it can be compared with your own signer.
 */
export async function runSign(flags: SignFlags, io: CommandIO): Promise<number> {
  if (flags.futures) {
    const { runFuturesSign } = await import('./sign-futures.js');
    return runFuturesSign(
      {
        ...(flags.query !== undefined ? { params: flags.query } : {}),
        ...(flags.body !== undefined ? { body: flags.body } : {}),
        ...(flags.requestTime !== undefined ? { requestTime: flags.requestTime } : {}),
        ...(flags.envFile !== undefined ? { envFile: flags.envFile } : {}),
        json: Boolean(flags.json),
      },
      io,
    );
  }
  if (flags.requestTime !== undefined) {
    throw new UsageError('--request-time is for futures signing: the spot API takes the time as the timestamp= parameter.', `Example: ${toolCommand(io, "sign --futures 'symbol=BTC_USDT' --request-time 1644489390087")}`);
  }
  const raw = (flags.query ?? '').trim().replace(/^\?/, '');
  if (!raw && !flags.body) {
    throw new UsageError('sign needs the query string to sign.', `Example: ${toolCommand(io, "sign 'symbol=BTCUSDT&recvWindow=5000&timestamp=1644489390087'")}`);
  }
  if (/^https?:\/\//i.test(raw)) {
    throw new UsageError('sign takes a query string, not a URL.', `To check a whole request your code sent, use: ${toolCommand(io, 'inspect URL')}`);
  }
  const notes: string[] = [];
  const withoutSignature = raw
    .split('&')
    .filter((pair) => {
      const isSig = pair.split('=')[0] === 'signature';
      if (isSig) notes.push('Removed the signature= parameter: a signature never signs itself.');
      return pair !== '' && !isSig;
    })
    .join('&');
  if (!/(^|&)timestamp=/.test(withoutSignature + '&' + (flags.body ?? ''))) notes.push('No timestamp= parameter: MEXC requires one on signed endpoints (milliseconds).');
  if (/(^|&)timestamp=\d{10}(&|$)/.test(withoutSignature)) notes.push('timestamp has 10 digits: that is seconds; MEXC wants milliseconds (13 digits).');
  if (/[ +]/.test(withoutSignature)) notes.push('The query contains a space or "+": MEXC signs %20 for a space.');
  if (/%[0-9a-f][a-f]|%[a-f][0-9a-f]/.test(withoutSignature)) notes.push('Lowercase percent escapes (e.g. %2c): MEXC expects uppercase (%2C).');

  const rawSecret = await readSecret(io, flags.envFile !== undefined ? { envFile: flags.envFile } : {});
  const secret = rawSecret.trim();
  if (secret !== rawSecret) notes.push(TRIMMED_SECRET_NOTE);
  const signed = signRaw(secret, withoutSignature, flags.body ?? '');
  // Raw values are redacted before they are quoted or JSON-encoded: the text signed may hold the secret.
  const redactor = (io.redactor ?? new SecretRedactor()).add(secret);
  const shown = {
    stringToSign: redactor.redact(signed.stringToSign),
    signature: signed.signature,
    query: redactor.redact(signed.query),
    ...(notes.length ? { notes } : {}),
  };
  if (flags.json) {
    io.stdout(`${terminalSafeJson(shown)}\n`);
    return EXIT.ok;
  }
  const line = (text: string) => terminalSafe(text);
  io.stdout(
    [
      `String to sign:  ${line(shown.stringToSign)}`,
      `Signature:       ${shown.signature}`,
      `Signed query:    ${line(shown.query)}`,
      ...(flags.body ? [`Body (unchanged): ${line(redactor.redact(flags.body))}`] : []),
      ...notes.map((n) => `Note: ${n}`),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
