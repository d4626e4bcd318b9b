import { parseUrlParts } from './parse-url.js';
import { findHeader } from './params.js';
import { splitShellWords } from './shell-words.js';
import type { ParsedRequest, RequestHeader } from './types.js';

/** curl options that take an argument and do not change the request the lab checks. */
const IGNORED_WITH_ARG = new Set([
  '-A', '--user-agent', '-b', '--cookie', '-c', '--cookie-jar', '-e', '--referer', '-o', '--output',
  '-u', '--user', '-x', '--proxy', '-m', '--max-time', '--connect-timeout', '-w', '--write-out',
  '--retry', '--retry-delay', '--retry-max-time', '-r', '--range', '-K', '--config', '-E', '--cert',
  '--cacert', '--capath', '--key', '--resolve', '--connect-to', '--interface', '--limit-rate', '-y',
  '-Y', '-z', '--proxy-user', '-U', '--noproxy', '--max-redirs', '--trace', '--trace-ascii',
  '--stderr', '-D', '--dump-header', '--cert-type', '--key-type', '--pass', '--ciphers',
]);
const DATA_OPTIONS = new Set(['-d', '--data', '--data-ascii', '--data-binary', '--data-raw', '--data-urlencode', '--json']);
const SHORT_WITH_ARG = new Set(['X', 'H', 'd', 'A', 'b', 'c', 'e', 'o', 'u', 'x', 'm', 'w', 'r', 'K', 'E', 'y', 'Y', 'z', 'U', 'D', 'F', 'T']);

/** curl's own escaping for `--data-urlencode`: everything but A-Z a-z 0-9 - . _ ~, uppercase hex. */
function curlEscape(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'))
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0')))
    .join('');
}

const FILE_BODY_ERROR =
  "this curl reads its body from a file (@file), which the lab cannot see; paste the body instead, e.g. -d 'quantity=1&timestamp=…&signature=…'";

function dataPiece(option: string, arg: string): { piece: string } | { error: string } {
  if (option === '--data-raw' || option === '--json') return { piece: arg };
  if (option === '--data-urlencode') {
    if (arg.startsWith('=')) return { piece: curlEscape(arg.slice(1)) };
    const at = arg.search(/[=@]/);
    if (at < 0) return { piece: curlEscape(arg) };
    if (arg[at] === '@') return { error: FILE_BODY_ERROR };
    return { piece: `${arg.slice(0, at)}=${curlEscape(arg.slice(at + 1))}` };
  }
  if (arg.startsWith('@')) return { error: FILE_BODY_ERROR };
  return { piece: arg };
}

function parseHeader(arg: string): RequestHeader | undefined {
  const colon = arg.indexOf(':');
  if (colon <= 0) return undefined;
  return { name: arg.slice(0, colon).trim(), value: arg.slice(colon + 1).trim() };
}

/** Expands `-sSX POST` / `-XPOST` into `[-s, -S, -X, POST]` so one loop handles every spelling. */
function expandShortCluster(word: string): string[] {
  const out: string[] = [];
  for (let k = 1; k < word.length; k++) {
    const flag = word[k]!;
    out.push('-' + flag);
    if (SHORT_WITH_ARG.has(flag)) {
      if (k + 1 < word.length) out.push(word.slice(k + 1));
      break;
    }
  }
  return out;
}

export function parseCurl(text: string): ParsedRequest | { error: string } {
  const split = splitShellWords(text.trim().replace(/^\$\s+/, ''));
  if ('error' in split) return { error: `Cannot read the curl command: ${split.error}.` };
  const [first, ...rawArgs] = split.words;
  if (!first || !/^curl(?:\.exe)?$/i.test(first)) return { error: 'This is not a curl command.' };

  const args: string[] = [];
  for (const w of rawArgs) args.push(...(/^-[A-Za-z]{2,}/.test(w) && !w.startsWith('--') ? expandShortCluster(w) : [w]));

  let method: string | undefined;
  let url: string | undefined;
  let useGet = false;
  let head = false;
  let sawJsonOption = false;
  const headers: RequestHeader[] = [];
  const data: string[] = [];
  const notes: string[] = [];

  for (let i = 0; i < args.length; i++) {
    const opt = args[i]!;
    const takeArg = (): string | undefined => {
      i++;
      return args[i];
    };
    if (opt === '-X' || opt === '--request') {
      method = takeArg()?.toUpperCase();
    } else if (opt === '-H' || opt === '--header') {
      const h = parseHeader(takeArg() ?? '');
      if (h) headers.push(h);
    } else if (DATA_OPTIONS.has(opt)) {
      const arg = takeArg();
      if (arg === undefined) return { error: `Cannot read the curl command: ${opt} has no value after it.` };
      const piece = dataPiece(opt, arg);
      if ('error' in piece) return { error: `Cannot read the curl command: ${piece.error}.` };
      data.push(piece.piece);
      if (opt === '--data-urlencode') notes.push('--data-urlencode: the lab encoded the value the way curl does (uppercase %XX, space as %20).');
      if (opt === '--json') sawJsonOption = true;
    } else if (opt === '-G' || opt === '--get') {
      useGet = true;
    } else if (opt === '-I' || opt === '--head') {
      head = true;
    } else if (opt === '--url') {
      url = takeArg();
    } else if (opt === '-F' || opt === '--form') {
      takeArg();
      notes.push('-F sends a multipart form; MEXC expects k=v text with Content-Type: application/json. The lab ignored the -F parts.');
    } else if (IGNORED_WITH_ARG.has(opt) || (opt.length === 2 && SHORT_WITH_ARG.has(opt[1]!))) {
      takeArg();
    } else if (opt.startsWith('-') && opt !== '-') {
      // A flag without an argument (-s, -v, -k, --compressed, --location …): nothing to check.
    } else if (url === undefined) {
      url = opt;
    }
  }
  if (!url) return { error: 'The curl command has no URL.' };

  // curl joins several -d values with `&` (curl manual, -d).
  const joinedData = data.join('&');
  let fullUrl = url;
  let body = joinedData;
  if (useGet && joinedData) {
    fullUrl = url + (url.includes('?') ? '&' : '?') + joinedData;
    body = '';
  }
  const parts = parseUrlParts(fullUrl);
  if ('error' in parts) return { error: `The curl command's URL is not usable: ${parts.error}` };

  if (sawJsonOption) {
    if (!findHeader(headers, 'content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
  } else if (body && !findHeader(headers, 'content-type')) {
    // What curl itself adds to any -d request; MEXC rejects it on POST/PUT/DELETE (700013).
    headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded', addedBy: 'curl' });
  }
  const resolvedMethod = method ?? (head ? 'HEAD' : body ? 'POST' : 'GET');
  return { source: 'curl', method: resolvedMethod, ...parts, body, headers, notes };
}
