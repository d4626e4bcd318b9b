import { describeInput } from '../describe-input.js';
import { isCcxtVerbose, parseCcxtVerbose } from './parse-ccxt-verbose.js';
import { parseCurl } from './parse-curl.js';
import { parseLog } from './parse-log.js';
import { parseUrlParts } from './parse-url.js';
import type { ParsedRequest } from './types.js';

export const EXPECTED_INPUT =
  'Expected the request your code sent: a full URL (https://api.mexc.com/api/v3/account?timestamp=1644489390087&signature=…), ' +
  "a curl command (curl -X POST -H 'X-MEXC-APIKEY: …' 'https://api.mexc.com/api/v3/order?…'), " +
  'or a log dump: a method line with the URL (POST https://api.mexc.com/api/v3/order?…), optional "Name: value" header lines, then the body.';

/** A URL on its own: with a scheme, a path-only `/api/…`, or `host.tld/…` as people paste it. */
const LOOKS_LIKE_URL = /^(?:https?:\/\/\S|\/\S|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?[/?])/i;

/**
 * Reads a pasted request. Returns `{error}` (one sentence saying what was wrong and what was
 * expected, with an example) for input the lab cannot use; never throws for user input.
 */
export function parseRequestText(text: string): ParsedRequest | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: `Nothing to inspect: the input is empty. ${EXPECTED_INPUT}` };

  const parsed = dispatch(trimmed);
  if ('error' in parsed) return { error: `${parsed.error} ${EXPECTED_INPUT}` };
  return parsed;
}

function dispatch(text: string): ParsedRequest | { error: string } {
  if (/^(?:\$\s+)?curl(?:\.exe)?(?:\s|$)/i.test(text)) return parseCurl(text);
  if (isCcxtVerbose(text)) return parseCcxtVerbose(text);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 1 && LOOKS_LIKE_URL.test(text)) {
    const parts = parseUrlParts(text);
    if ('error' in parts) return parts;
    return { source: 'url', method: undefined, ...parts, body: '', headers: undefined, notes: [] };
  }
  const log = parseLog(text);
  // Described, never quoted: a paste that is not a request is often code with the secret in it.
  if ('error' in log && lines.length === 1) return { error: `The input (${describeInput(text)}) is not a URL, a curl command or a log dump.` };
  return log;
}
