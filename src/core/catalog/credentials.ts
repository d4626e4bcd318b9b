import { envCredentialsFix, recreateKeyFix, stillFailingFix } from './fixes.js';
import { SOURCES } from './sources.js';
import type { CatalogGroup } from './types.js';

/** Local credential problems, found before any request (step `credentials`, guide "API key format"). */
export const credentialEntries = {
  'key-missing': {
    title: 'No API key found',
    explanation:
      'No API key was found. Every signed MEXC request carries the Access Key (it starts with mx0) in the X-MEXC-APIKEY header; a client that has none (ccxt says \'mexc requires "apiKey" credential\') cannot sign anything.',
    evidence: ['variables', 'problem', 'detail'],
    fixes: () => [envCredentialsFix(), recreateKeyFix()],
    reads: { messages: [{ pattern: /\brequires\s+"?apikey"?\s+credential/, example: 'mexc requires "apiKey" credential', source: SOURCES.ccxtCredentials }] },
    refusal: false,
    helpers: ['credentials'],
  },
  'secret-missing': {
    title: 'No secret key found',
    explanation:
      'No secret key was found. The secret signs each request (HMAC-SHA256); it is never sent to MEXC. mexc-wizard reads it from MEXC_SECRET_KEY (or MEXC_API_SECRET, MEXC_SECRET), a .env file or a masked prompt, never from a command-line flag, because flags end up in shell history.',
    evidence: ['variables', 'problem', 'detail'],
    fixes: () => [
      envCredentialsFix(),
      {
        title: 'Lost the secret? MEXC shows it only once',
        lang: 'text',
        text: 'MEXC cannot show a secret again after the key was created. Create a new key and copy the secret right away.',
      },
      recreateKeyFix(),
    ],
    reads: { messages: [{ pattern: /\brequires\s+"?secret"?\s+credential/, example: 'mexc requires "secret" credential', source: SOURCES.ccxtCredentials }] },
    refusal: false,
    helpers: ['credentials'],
  },
  'key-format': {
    title: 'The API key does not look like a MEXC key',
    explanation:
      'Every MEXC key seen so far is 18 characters starting with mx0. Stray spaces, line breaks, quotes or invisible characters from copy and paste make MEXC reject the key (700001 or 10072). An unusual shape alone is only a warning, since MEXC publishes no format rule.',
    evidence: ['problem', 'likelyCause', 'length', 'expected', 'keyLength', 'maskedKey', 'detail'],
    fixes: () => [
      {
        title: 'Show hidden characters in the key, then strip whitespace',
        lang: 'sh',
        text: [`printf '%s' "$MEXC_API_KEY" | od -c | head -n 3`, `export MEXC_API_KEY="$(printf '%s' "$MEXC_API_KEY" | tr -d '[:space:]')"`].join('\n'),
      },
      { title: 'In code, strip the key when you load it', lang: 'python', text: 'api_key = os.environ["MEXC_API_KEY"].strip()' },
      recreateKeyFix(),
      stillFailingFix(),
    ],
    reads: {},
    refusal: false,
    helpers: ['credentials'],
  },
  'secret-format': {
    title: 'The secret key does not look right',
    explanation:
      'MEXC secrets are usually 32 lowercase hex characters. A space, line break or quote copied with the secret changes every signature, and MEXC answers 700002 "Signature for this request is not valid".',
    evidence: ['problem', 'likelyCause', 'length', 'expected', 'secretLength', 'detail'],
    fixes: () => [
      {
        title: 'Check the secret length without printing it (expect 32), then strip whitespace',
        lang: 'sh',
        text: [`printf '%s' "$MEXC_SECRET_KEY" | wc -c`, `export MEXC_SECRET_KEY="$(printf '%s' "$MEXC_SECRET_KEY" | tr -d '[:space:]')"`].join('\n'),
      },
      { title: 'In code, strip the secret when you load it', lang: 'js', text: "const secret = (process.env.MEXC_SECRET_KEY ?? '').trim();" },
      recreateKeyFix(),
      stillFailingFix(),
    ],
    reads: {},
    refusal: false,
    helpers: ['credentials'],
  },
  'key-secret-swapped': {
    title: 'API key and secret look swapped',
    explanation:
      'The value used as the key looks like a secret and the other looks like a key. The Access Key (mx0…) goes in the X-MEXC-APIKEY header; the Secret Key only signs and is never sent.',
    evidence: ['keyVariable', 'secretVariable', 'problem', 'detail'],
    fixes: () => [
      {
        title: 'Swap the two values',
        lang: 'sh',
        text: ['tmp="$MEXC_API_KEY"', 'export MEXC_API_KEY="$MEXC_SECRET_KEY"', 'export MEXC_SECRET_KEY="$tmp"', 'unset tmp'].join('\n'),
      },
      envCredentialsFix(),
    ],
    reads: {},
    refusal: false,
    helpers: ['credentials'],
  },
} as const satisfies CatalogGroup;
