import { envCredentialsFix, recreateKeyFix, stillFailingFix } from './fixes.js';
import { SOURCES } from './sources.js';
import { VALUE_PROBLEM_WORDS } from '../credentials.js';
import type { Fix } from '../types.js';
import type { CatalogGroup, Facts } from './types.js';

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
    title: (f) => (f.trimmed ? typedTitle('key', f) : 'The API key does not look like a MEXC key'),
    explanation: (f) =>
      f.trimmed
        ? typedExplanation('key', 'MEXC does not recognise the key and answers 700001 or 10072')
        : 'Every MEXC key seen so far is 18 characters starting with mx0. Stray spaces, line breaks, quotes or invisible characters from copy and paste make MEXC reject the key (700001 or 10072). An unusual shape alone is only a warning, since MEXC publishes no format rule.',
    evidence: ['problem', 'trimmed', 'likelyCause', 'length', 'expected', 'keyLength', 'maskedKey', 'detail'],
    fixes: (_ctx, f) => [
      ...valueFixes('key', f),
      { title: 'In code, strip the key when you load it', lang: 'python', text: 'api_key = os.environ["MEXC_API_KEY"].strip()' },
      ...(f.trimmed ? [] : [recreateKeyFix()]),
      stillFailingFix(),
    ],
    reads: {},
    refusal: false,
    helpers: ['credentials'],
  },
  'secret-format': {
    title: (f) => (f.trimmed ? typedTitle('secret', f) : 'The secret key does not look right'),
    explanation: (f) =>
      f.trimmed
        ? typedExplanation('secret', 'every signature your bot computes is wrong, and MEXC answers 700002 "Signature for this request is not valid"')
        : 'MEXC secrets are usually 32 lowercase hex characters. A space, line break or quote copied with the secret changes every signature, and MEXC answers 700002 "Signature for this request is not valid".',
    evidence: ['problem', 'trimmed', 'likelyCause', 'length', 'expected', 'secretLength', 'detail'],
    fixes: (_ctx, f) => [
      ...valueFixes('secret', f),
      { title: 'In code, strip the secret when you load it', lang: 'js', text: "const secret = (process.env.MEXC_SECRET_KEY ?? '').trim();" },
      ...(f.trimmed ? [] : [recreateKeyFix()]),
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
    evidence: ['keyFrom', 'secretFrom', 'problem', 'detail'],
    fixes: (_ctx, f) => [swapFix(f), envCredentialsFix()],
    reads: {},
    refusal: false,
    helpers: ['credentials'],
  },
} as const satisfies CatalogGroup;

type Kind = 'key' | 'secret';
const VARIABLE: Record<Kind, string> = { key: 'MEXC_API_KEY', secret: 'MEXC_SECRET_KEY' };

/** "The secret you typed ends with whitespace: removed here, but your bot's config probably has it too" */
function typedTitle(kind: Kind, f: Facts): string {
  const words = VALUE_PROBLEM_WORDS[String(f.problem) as keyof typeof VALUE_PROBLEM_WORDS] ?? 'had extra characters';
  return `The ${kind} you typed ${words}: removed here, but your bot's config probably has it too`;
}

function typedExplanation(kind: Kind, consequence: string): string {
  return (
    `mexc-wizard removed it from what you typed and ran the checks with the cleaned ${kind}, so a pass here says nothing about it. ` +
    `If you copied the ${kind} from your bot's .env or config file, the same characters are probably there, and MEXC gets the ${kind} exactly as your bot sends or signs with it: ${consequence}.`
  );
}

/** Where to remove the stray characters: the file, the variable, or the bot's config behind what was typed. */
function valueFixes(kind: Kind, f: Facts): Fix[] {
  const variable = typeof f.variable === 'string' && f.origin !== 'prompt' ? f.variable : VARIABLE[kind];
  if (f.origin === 'prompt') {
    return [
      {
        title: `Remove it where your bot reads the ${kind}`,
        lang: 'steps',
        text: [
          `1. Open the file your bot reads its ${kind} from: its .env, config.json or config.yaml, the environment: block of docker-compose.yml, or a systemd or Docker env file.`,
          `2. On the ${kind}'s line (e.g. ${variable}=...), remove spaces, tabs and line breaks around the value, and the quotes around it: docker --env-file, systemd and some YAML loaders keep quotes as part of the value.`,
          `3. Check that file with mexc-wizard, which reads it as it is: npx mexc-wizard check --dotenv path/to/.env`,
        ].join('\n'),
      },
    ];
  }
  if ((f.origin === 'dotenv' || f.origin === 'env-file') && typeof f.file === 'string') {
    return [
      {
        title: `Fix the ${kind} in ${f.file}`,
        lang: 'steps',
        text: [
          `1. Open ${f.file} and find the line ${variable}=...`,
          '2. Remove spaces, tabs and line breaks around the value, and quotes around it, so the line reads ' + `${variable}=value.`,
          `3. Run again: npx mexc-wizard check${f.origin === 'env-file' ? ` --dotenv ${f.file}` : ''}`,
        ].join('\n'),
      },
    ];
  }
  return [
    kind === 'key'
      ? {
          title: 'Show hidden characters in the key, then strip whitespace',
          lang: 'sh',
          text: [`printf '%s' "$${variable}" | od -c | head -n 3`, `export ${variable}="$(printf '%s' "$${variable}" | tr -d '[:space:]')"`].join('\n'),
        }
      : {
          title: 'Check the secret length without printing it (expect 32), then strip whitespace',
          lang: 'sh',
          text: [`printf '%s' "$${variable}" | wc -c`, `export ${variable}="$(printf '%s' "$${variable}" | tr -d '[:space:]')"`].join('\n'),
        },
  ];
}

/** Swap them where they are kept: in the environment, in a file, or (typed) in the bot's own config. */
function swapFix(f: Facts): Fix {
  const keyVar = typeof f.keyVariable === 'string' && f.keyOrigin !== 'prompt' ? f.keyVariable : 'MEXC_API_KEY';
  const secretVar = typeof f.secretVariable === 'string' && f.secretOrigin !== 'prompt' ? f.secretVariable : 'MEXC_SECRET_KEY';
  if (f.keyOrigin === 'environment' && f.secretOrigin === 'environment') {
    return {
      title: 'Swap the two values',
      lang: 'sh',
      text: [`tmp="$${keyVar}"`, `export ${keyVar}="$${secretVar}"`, `export ${secretVar}="$tmp"`, 'unset tmp'].join('\n'),
    };
  }
  if (f.keyOrigin === 'prompt' || f.secretOrigin === 'prompt') {
    return {
      title: 'Swap them where you typed them, and in your bot',
      lang: 'steps',
      text: [
        '1. Type them again the right way round: the Access Key (starts with mx0) as the API key, the Secret Key as the secret.',
        `2. If you copied them from your bot's config, swap them there too: its .env or config file (${keyVar} and ${secretVar}), or the apiKey and secret of your ccxt or SDK setup.`,
      ].join('\n'),
    };
  }
  const files = [...new Set([f.keyFile, f.secretFile].filter((x): x is string => typeof x === 'string'))];
  return {
    title: 'Swap the two values where they are kept',
    lang: 'steps',
    text: [
      `1. The key was read from ${String(f.keyFrom)}, the secret from ${String(f.secretFrom)}.`,
      `2. ${files.length ? `In ${files.join(' and ')}, put` : 'Put'} the Access Key (starts with mx0) in ${keyVar} and the Secret Key in ${secretVar}.`,
      '3. Run again: npx mexc-wizard check',
    ].join('\n'),
  };
}
