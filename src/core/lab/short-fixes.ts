import { LAB_CATALOG } from './findings.js';
import type { LabFindingId } from './types.js';

/**
 * One sentence per finding: what to change in the code, short enough for one terminal line
 * (the simulator's request log prints it next to the refusal). The full explanation, with
 * sources, stays in LAB_CATALOG.
 */
const SHORT_FIXES: Partial<Record<LabFindingId, string>> = {
  'signature-valid': 'Nothing to change in the signing code.',
  'signature-missing': 'Sign every signed request, also one with no other parameters, and append "&signature=<hex>" last.',
  'secret-mismatch':
    'No common signing bug explains this signature: sign exactly the query string + body you send (without the signature) with the secret of this key.',
  'space-as-plus': 'Encode a space as %20, never "+", both in the string you sign and in the request you send.',
  'lowercase-percent-escapes': 'Use uppercase percent-escapes (%2C, not %2c) in the string you sign and in the request.',
  'signed-unencoded-values': 'Percent-encode every value once, then sign and send that same string (you signed one encoding and sent another).',
  'signature-signed-itself': 'Remove the signature parameter before signing, then append "&signature=<hex>" last.',
  'param-order-differs':
    'You signed the parameters sorted by name but sent them in another order: sign the query string exactly as you send it (spot v3 needs no sorting).',
  'query-body-joined-with-ampersand': 'Sign the query string immediately followed by the body, with no "&" between them.',
  'stray-ampersand': 'Join the pairs with "&" only between them: no "&" at the start or end of the signed string.',
  'signed-params-differ': 'Add every parameter (timestamp, recvWindow, body fields) before signing, and send exactly the parameters you signed.',
  'signature-uppercase': 'Send the signature as lowercase hex: drop .upper() / .toUpperCase().',
  'timestamp-missing': 'Add timestamp=<milliseconds> before signing: Date.now() in JS, int(time.time() * 1000) in Python.',
  'timestamp-in-seconds': 'Send the timestamp in milliseconds (13 digits): Date.now() in JS, int(time.time() * 1000) in Python.',
  'recv-window-too-large': 'Send recvWindow 59999 or less (5000 is the default); a bigger window cannot fix a clock that runs ahead.',
  'legacy-endpoint': 'Use the spot v3 API: /api/v3/… with the X-MEXC-APIKEY header, timestamp and signature.',
  'binance-header': 'Send the key in the X-MEXC-APIKEY header, not Binance\'s X-MBX-APIKEY.',
  'key-header-missing': 'Send your API key in the X-MEXC-APIKEY header on every signed request.',
  'content-type-missing': 'Send "Content-Type: application/json" on POST, PUT and DELETE, even with a k=v body.',
  'secret-exposed': 'The request carries your secret: delete the key, create a new one, and never send or log the secret.',
};

/** The one-sentence fix for a finding; a finding added without one falls back to its title. */
export function shortFix(id: LabFindingId): string {
  return SHORT_FIXES[id] ?? `${LAB_CATALOG[id].title}.`;
}
