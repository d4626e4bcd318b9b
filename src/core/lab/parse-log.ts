import { findHeader } from './params.js';
import { parseUrlParts } from './parse-url.js';
import type { ParsedRequest, RequestHeader } from './types.js';

/** `POST https://api.mexc.com/api/v3/order?… HTTP/1.1`, possibly after a log prefix (time, level). */
const REQUEST_LINE = /(?:^|\s)(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+((?:https?:\/\/|\/)\S.*?)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/i;
const BARE_URL_LINE = /^\s*(https?:\/\/\S.*?)\s*$/i;
const HEADER_LINE = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*:(?!\/\/)\s*(.*?)\s*$/;
/** Log labels some HTTP debug dumps use for the body instead of a blank line. */
const BODY_LABELS = new Set(['body', 'data', 'payload', 'request body']);

/**
 * A log dump: a request line (method + URL, or a URL alone), optional `Name: value` header
 * lines, then the body (after a blank line, a `body:` label, or the first non-header line).
 */
export function parseLog(text: string): ParsedRequest | { error: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let start = -1;
  let method: string | undefined;
  let url = '';
  for (let i = 0; i < lines.length && start < 0; i++) {
    const line = lines[i]!;
    const req = REQUEST_LINE.exec(line);
    const bare = req ? null : BARE_URL_LINE.exec(line);
    if (req) {
      method = req[1]!.toUpperCase();
      url = req[2]!;
      start = i;
    } else if (bare) {
      url = bare[1]!;
      start = i;
    }
  }
  if (start < 0) return { error: 'No request line (method and URL) found.' };

  const headers: RequestHeader[] = [];
  const bodyLines: string[] = [];
  let inBody = false;
  for (const line of lines.slice(start + 1)) {
    if (inBody) {
      bodyLines.push(line);
      continue;
    }
    if (line.trim() === '') {
      if (headers.length > 0 || bodyLines.length > 0) inBody = true;
      continue;
    }
    const header = HEADER_LINE.exec(line);
    if (header && BODY_LABELS.has(header[1]!.toLowerCase())) {
      bodyLines.push(header[2]!);
      inBody = true;
    } else if (header) {
      headers.push({ name: header[1]!, value: header[2]! });
    } else {
      bodyLines.push(line);
      inBody = true;
    }
  }

  const parts = parseUrlParts(url);
  if ('error' in parts) return { error: parts.error };
  const host = parts.host || (findHeader(headers, 'host')?.value.toLowerCase() ?? '');
  return {
    source: 'log',
    method,
    ...parts,
    host,
    body: bodyLines.join('\n').trim(),
    headers: headers.length > 0 ? headers : undefined,
    notes: [],
  };
}
