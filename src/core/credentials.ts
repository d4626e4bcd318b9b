import { parseEnv } from 'node:util';
import type { Cause } from './types.js';

export const KEY_VARS = ['MEXC_API_KEY'] as const;
/** MEXC_SECRET_KEY first; the aliases people use in bots and ccxt configs after it. */
export const SECRET_VARS = ['MEXC_SECRET_KEY', 'MEXC_API_SECRET', 'MEXC_SECRET'] as const;

export type CredentialOrigin = 'env-file' | 'environment' | 'dotenv' | 'prompt' | 'demo';

export interface FoundValue {
  value: string;
  origin: CredentialOrigin;
  /** The variable it came from, or `prompt`. */
  variable: string;
  /** File it was read from (for env-file / dotenv). */
  file?: string;
}

export interface FoundCredentials {
  apiKey?: FoundValue;
  secret?: FoundValue;
}

export interface EnvFileText {
  path: string;
  text: string;
}

/**
 * Where credentials come from, in order: an explicit `--env-file`, the environment, then
 * `./.env` (mexc-wizard never takes the secret as a flag: it would leak into `ps` and history).
 */
export function findCredentials(input: {
  env: Readonly<Record<string, string | undefined>>;
  envFile?: EnvFileText;
  dotenv?: EnvFileText;
}): FoundCredentials {
  const sources: Array<{ origin: CredentialOrigin; vars: Record<string, string | undefined>; file?: string }> = [];
  if (input.envFile) sources.push({ origin: 'env-file', vars: parseEnvText(input.envFile.text), file: input.envFile.path });
  sources.push({ origin: 'environment', vars: input.env });
  if (input.dotenv) sources.push({ origin: 'dotenv', vars: parseEnvText(input.dotenv.text), file: input.dotenv.path });
  return { apiKey: firstFound(sources, KEY_VARS), secret: firstFound(sources, SECRET_VARS) };
}

function firstFound(
  sources: ReadonlyArray<{ origin: CredentialOrigin; vars: Record<string, string | undefined>; file?: string }>,
  names: ReadonlyArray<string>,
): FoundValue | undefined {
  for (const source of sources) {
    for (const variable of names) {
      const value = source.vars[variable];
      if (value !== undefined && value !== '') {
        return { value, origin: source.origin, variable, ...(source.file ? { file: source.file } : {}) };
      }
    }
  }
  return undefined;
}

/** Names in a .env file whose values are treated as secrets for redaction (MEXC's and any *SECRET*). */
const SECRET_NAME = /secret/i;

/**
 * Every value that is, or may be, a secret, from every source (all aliases, the environment and
 * both files), not only the one in use: output must mask a secret the run did not pick, too.
 */
export function secretValues(input: { env: Readonly<Record<string, string | undefined>>; envFile?: EnvFileText; dotenv?: EnvFileText }): string[] {
  const values = SECRET_VARS.map((name) => input.env[name]);
  for (const file of [input.envFile, input.dotenv]) {
    if (!file) continue;
    for (const [name, value] of Object.entries(parseEnvText(file.text))) if (SECRET_NAME.test(name)) values.push(value);
  }
  return values.filter((v): v is string => Boolean(v && v.trim()));
}

/** dotenv-style parsing via Node's own parser; a malformed file yields no variables rather than a crash. */
export function parseEnvText(text: string): Record<string, string> {
  try {
    return parseEnv(text.replace(/^\uFEFF/, '')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** A value typed at the masked prompt, named so evidence reads "The secret you typed …". */
export function typedValue(kind: 'key' | 'secret', value: string): FoundValue {
  return { value, origin: 'prompt', variable: kind === 'key' ? 'The key you typed' : 'The secret you typed' };
}

export function describeOrigin(found: FoundValue): string {
  switch (found.origin) {
    case 'env-file':
      return `${found.variable} in ${found.file ?? 'the --env-file'}`;
    case 'dotenv':
      return `${found.variable} in ${found.file ?? '.env'}`;
    case 'environment':
      return `the environment variable ${found.variable}`;
    case 'prompt':
      return 'what you typed at the masked prompt';
    case 'demo':
      return 'the demo simulator';
  }
}

// ---------------------------------------------------------------------------------------------
// Lint

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const NBSP = /[\u00A0\u2007\u202F]/;
const KEY_SHAPE = /^mx0[A-Za-z0-9]{15}$/;
const SECRET_SHAPE = /^[0-9a-f]{32}$/;

export type ValueProblem =
  | 'leading-whitespace'
  | 'trailing-whitespace'
  | 'line-break'
  | 'quotes'
  | 'zero-width'
  | 'non-breaking-space'
  | 'non-ascii'
  | 'inner-whitespace';

export interface ValueLint {
  problems: ValueProblem[];
  /** The value with surrounding whitespace, quotes and invisible characters removed. */
  cleaned: string;
}

export function lintValue(value: string): ValueLint {
  const problems: ValueProblem[] = [];
  if (/^\s/.test(value)) problems.push('leading-whitespace');
  if (/[ \t]$/.test(value)) problems.push('trailing-whitespace');
  if (/[\r\n]/.test(value)) problems.push('line-break');
  const trimmed = value.trim();
  if (/^(["'`]).*\1$/s.test(trimmed) && trimmed.length >= 2) problems.push('quotes');
  if (ZERO_WIDTH.test(value)) problems.push('zero-width');
  if (NBSP.test(value)) problems.push('non-breaking-space');
  const cleaned = cleanValue(value);
  if (/\s/.test(cleaned)) problems.push('inner-whitespace');
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7F]/.test(cleaned)) problems.push('non-ascii');
  return { problems, cleaned };
}

export function cleanValue(value: string): string {
  let v = value.replace(new RegExp(ZERO_WIDTH, 'g'), '').replace(new RegExp(NBSP, 'g'), ' ').trim();
  if (/^(["'`]).*\1$/s.test(v) && v.length >= 2) v = v.slice(1, -1).trim();
  return v;
}

export const looksLikeKey = (v: string): boolean => KEY_SHAPE.test(v);
export const looksLikeSecret = (v: string): boolean => SECRET_SHAPE.test(v);

/** Why a problem usually happens: shown next to the finding so users know where to look. */
const LIKELY_CAUSE: Record<ValueProblem, string> = {
  'leading-whitespace': 'a space copied in front of the value, or `KEY= value` in a config file',
  'trailing-whitespace': 'a space copied after the value, often from selecting a whole table cell',
  'line-break': 'a trailing newline from `echo` into a file, a Windows CRLF .env, or a copy of the whole line',
  quotes: 'quotes kept literally: docker --env-file, systemd EnvironmentFile and some YAML loaders do not strip them',
  'zero-width': 'an invisible zero-width character picked up when copying from a web page or chat',
  'non-breaking-space': 'a non-breaking space from a web page, PDF or chat app',
  'non-ascii': 'a look-alike character (e.g. Cyrillic о for o) from retyping or a translation tool',
  'inner-whitespace': 'two values pasted together, or a line wrapped by the editor',
};

export interface CredentialLintResult {
  findings: Array<Cause & { severity: 'fail' | 'warn' }>;
  evidence: string[];
  /** Values to sign with in later steps (cleaned), so the network steps can still find other causes. */
  apiKey?: string;
  secret?: string;
}

export function lintCredentials(found: FoundCredentials): CredentialLintResult {
  const findings: CredentialLintResult['findings'] = [];
  const evidence: string[] = [];
  if (!found.apiKey) findings.push({ id: 'key-missing', severity: 'fail', facts: { variables: KEY_VARS.join(', ') } });
  if (!found.secret) findings.push({ id: 'secret-missing', severity: 'fail', facts: { variables: SECRET_VARS.join(', ') } });

  const key = found.apiKey ? lintValue(found.apiKey.value) : undefined;
  const secret = found.secret ? lintValue(found.secret.value) : undefined;
  if (found.apiKey) evidence.push(`API key from ${describeOrigin(found.apiKey)}`);
  if (found.secret) evidence.push(`Secret from ${describeOrigin(found.secret)}`);

  if (key && secret && looksLikeSecret(key.cleaned) && looksLikeKey(secret.cleaned)) {
    const k = found.apiKey!;
    const sec = found.secret!;
    findings.push({
      id: 'key-secret-swapped',
      severity: 'fail',
      facts: {
        keyFrom: describeOrigin(k),
        secretFrom: describeOrigin(sec),
        keyVariable: k.variable,
        secretVariable: sec.variable,
        keyOrigin: k.origin,
        secretOrigin: sec.origin,
        ...(k.file ? { keyFile: k.file } : {}),
        ...(sec.file ? { secretFile: sec.file } : {}),
      },
    });
    return { findings, evidence, apiKey: secret.cleaned, secret: key.cleaned };
  }
  if (key && found.apiKey) pushValueFindings(findings, 'key-format', key, found.apiKey, looksLikeKey(key.cleaned), 'an `mx0` key of 18 characters');
  if (secret && found.secret) pushValueFindings(findings, 'secret-format', secret, found.secret, looksLikeSecret(secret.cleaned), '32 lowercase hex characters');
  return {
    findings,
    evidence,
    ...(key ? { apiKey: key.cleaned } : {}),
    ...(secret ? { secret: secret.cleaned } : {}),
  };
}

/** Problem codes in words (evidence lines read "MEXC_SECRET_KEY ends with whitespace"). */
export const VALUE_PROBLEM_WORDS: Record<ValueProblem | 'unusual-shape', string> = {
  'leading-whitespace': 'starts with whitespace',
  'trailing-whitespace': 'ends with whitespace',
  'line-break': 'contains a line break',
  quotes: 'is wrapped in quotes',
  'zero-width': 'contains an invisible zero-width character',
  'non-breaking-space': 'contains a non-breaking space',
  'non-ascii': 'contains a non-ASCII character',
  'inner-whitespace': 'contains whitespace in the middle',
  'unusual-shape': 'has an unusual shape',
};

/** What this tool removes from a value before using it (and says so): whitespace, quotes, invisible characters. */
const REMOVED_WHEN_CLEANED: readonly ValueProblem[] = ['leading-whitespace', 'trailing-whitespace', 'line-break', 'quotes', 'zero-width', 'non-breaking-space'];

/**
 * One finding per value: the first problem leads, the others follow in `detail`. A value typed
 * at the prompt that only needed cleaning is a warning, not a failure: the checks ran with the
 * cleaned value, but the user's bot, whose config the value was probably copied from, may not
 * clean it (issue #13).
 */
function pushValueFindings(
  findings: CredentialLintResult['findings'],
  id: 'key-format' | 'secret-format',
  lint: ValueLint,
  found: FoundValue,
  shapeOk: boolean,
  expectedShape: string,
): void {
  const where = describeOrigin(found);
  const [first, ...others] = lint.problems;
  if (first) {
    const also = others.map((p) => `${VALUE_PROBLEM_WORDS[p]} (usually ${LIKELY_CAUSE[p]})`);
    const trimmed = found.origin === 'prompt' && lint.problems.every((p) => REMOVED_WHEN_CLEANED.includes(p));
    findings.push({
      id,
      severity: trimmed ? 'warn' : 'fail',
      facts: {
        problem: first,
        variable: found.variable,
        where,
        origin: found.origin,
        ...(found.file ? { file: found.file } : {}),
        ...(trimmed ? { trimmed: true } : {}),
        likelyCause: LIKELY_CAUSE[first],
        ...(also.length ? { detail: `${found.variable} also ${also.join('; and ')}` } : {}),
      },
    });
    return;
  }
  if (!shapeOk) {
    // MEXC publishes no format spec (docs/mexc-api.md §4): a warning, never a failure.
    findings.push({
      id,
      severity: 'warn',
      facts: { problem: 'unusual-shape', variable: found.variable, where, length: lint.cleaned.length, expected: expectedShape },
    });
  }
}
