import { LAB_CATALOG } from './findings.js';
import type { LabFinding } from './types.js';

/**
 * What to change when a futures request shows one of the lab's findings. Same ids as spot, with
 * futures rules: accessKey + Request-Time + parameters, GET/DELETE sorted, POST the raw JSON body,
 * key, time and signature in headers (https://www.mexc.com/api-docs/futures/integration-guide).
 */
type FuturesFindingId =
  | 'signature-valid'
  | 'secret-mismatch'
  | 'param-order-differs'
  | 'signed-params-differ'
  | 'signed-unencoded-values'
  | 'signature-uppercase'
  | 'signature-missing'
  | 'timestamp-missing'
  | 'timestamp-in-seconds'
  | 'key-header-missing';

const FUTURES_CATALOG: Record<FuturesFindingId, { title?: string; fix: string }> = {
  'signature-valid': { fix: 'Nothing to change in the signing code.' },
  'secret-mismatch': {
    fix:
      'Check that the secret belongs to this API key and has no spaces or newline (.strip() / .trim()), and that your code signs ' +
      'accessKey + Request-Time + parameters with nothing between them — GET/DELETE: the parameters sorted by name, k=v joined with "&"; ' +
      'POST: the JSON body exactly as sent — and sends the same Request-Time it signed. MEXC answers 602 "Signature verification failed!". ' +
      'Log the string your code signs and compare it byte for byte with the one above.',
  },
  'param-order-differs': {
    title: 'Parameters signed in the order sent instead of sorted',
    fix:
      'For GET and DELETE the futures API signs the parameters sorted by name (dictionary order) and answers 602 otherwise. ' +
      "Python: '&'.join(f'{k}={v}' for k, v in sorted(params.items())); JS: Object.keys(p).sort().map(k => `${k}=${p[k]}`).join('&'). " +
      'Send the query in that same sorted order, so the string you sign and the one you send are one.',
  },
  'signed-params-differ': {
    title: 'Signed a different string than accessKey + Request-Time + parameters as sent',
    fix:
      'Build the string to sign as accessKey + Request-Time + paramString, nothing between them and nothing left out. ' +
      'POST: serialise the body once and sign and send those exact bytes — Python: payload = json.dumps(body, separators=(",", ":")), then ' +
      'requests.post(url, data=payload, …), not json=body; JS: const payload = JSON.stringify(body), used for both.',
  },
  'signed-unencoded-values': {
    fix:
      'Sign and send the same text: encode each value once (the docs\' Java sample uses URLEncoder with %20 for a space, uppercase hex) ' +
      'and use that query both for the signature and for the URL.',
  },
  'signature-uppercase': {
    fix: "MEXC's Java sample writes lowercase hex (Hex.encodeHexString). JS: digest('hex') is lowercase — drop .toUpperCase(); Python: hexdigest() — drop .upper().",
  },
  'signature-missing': {
    title: 'No Signature header',
    fix:
      'The futures API reads the signature from the "Signature" header: the lowercase hex HMAC-SHA256 of accessKey + Request-Time + parameters, keyed by your secret. ' +
      'A signature= query parameter (spot style) is not read.',
  },
  'timestamp-missing': {
    title: 'No Request-Time header',
    fix: 'Send "Request-Time: <milliseconds>", the same value your code signed. JS: String(Date.now()); Python: str(int(time.time() * 1000)).',
  },
  'timestamp-in-seconds': {
    title: 'Request-Time in seconds, not milliseconds',
    fix:
      'MEXC reads Request-Time as milliseconds, so a seconds value lies decades back, outside the 10 s window: it answers 513 ' +
      '"Invalid request(for open api serves time more or less than 10s)". JS: Date.now(); Python: int(time.time() * 1000).',
  },
  'key-header-missing': {
    title: 'No ApiKey header',
    fix: "Send your access key in the \"ApiKey\" header. Python: headers={'ApiKey': api_key, 'Request-Time': t, 'Signature': sig}; curl: -H 'ApiKey: <key>'.",
  },
};

export function futuresFinding(id: FuturesFindingId, seen: string): LabFinding {
  const entry = FUTURES_CATALOG[id];
  return { id, title: entry.title ?? LAB_CATALOG[id].title, severity: LAB_CATALOG[id].severity, detail: `${seen} ${entry.fix}`.trim() };
}

export type { FuturesFindingId };

/**
 * One sentence per futures finding, for a terminal line (the simulator's request log): the
 * futures counterpart of short-fixes.ts, whose spot sentences would mislead here (spot needs
 * no sorting; futures does).
 */
const FUTURES_SHORT_FIXES: Record<FuturesFindingId, string> = {
  'signature-valid': 'Nothing to change in the signing code.',
  'secret-mismatch':
    'No common signing bug explains this signature: sign accessKey + Request-Time + parameters (GET sorted by name, POST the body as sent) with the secret of this key.',
  'param-order-differs': 'Sort the GET parameters by name before signing and send them in that same order: the futures API signs them sorted.',
  'signed-params-differ': 'Sign accessKey + Request-Time + the parameters exactly as sent (POST: the very body bytes you send), nothing left out.',
  'signed-unencoded-values': 'Encode each value once, then sign and send that same query.',
  'signature-uppercase': 'Send the Signature header as lowercase hex: drop .upper() / .toUpperCase().',
  'signature-missing': 'Send the Signature header: lowercase hex HMAC-SHA256 of accessKey + Request-Time + parameters.',
  'timestamp-missing': 'Send the Request-Time header in milliseconds, the same value you signed.',
  'timestamp-in-seconds': 'Send Request-Time in milliseconds (13 digits): Date.now() in JS, int(time.time() * 1000) in Python.',
  'key-header-missing': 'Send your API key in the ApiKey header (X-MEXC-APIKEY is the spot header).',
};

export function futuresShortFix(id: string): string | undefined {
  return (FUTURES_SHORT_FIXES as Record<string, string>)[id];
}
