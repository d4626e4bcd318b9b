/**
 * Splits a command line into words the way a POSIX shell would for a pasted curl command:
 * single quotes, double quotes with backslash escapes, `$'…'`, backslash escapes and
 * `\`+newline continuations. Stops at the first unquoted `|`, `;`, `&&`, `||` or `>` (a pipe
 * into jq is common in pasted commands). No expansion: `$VAR` stays literal.
 */
export function splitShellWords(text: string): { words: string[] } | { error: string } {
  const src = text.replace(/\r\n?/g, '\n');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quotedWord = false;
  let i = 0;

  const endWord = (): boolean => {
    if (!inWord) return true;
    if (!quotedWord && /^(?:\||;|&&|\|\||>|>>|2>&1|&)$/.test(word)) return false;
    words.push(word);
    word = '';
    inWord = false;
    quotedWord = false;
    return true;
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (!endWord()) return { words };
      i++;
    } else if (ch === '#' && !inWord) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (ch === '\\') {
      const next = src[i + 1];
      if (next === '\n') {
        i += 2; // line continuation
      } else if (next === undefined) {
        i++;
      } else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (ch === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return { error: 'the command has a single quote (\') that is never closed' };
      word += src.slice(i + 1, close);
      inWord = quotedWord = true;
      i = close + 1;
    } else if (ch === '$' && src[i + 1] === "'") {
      const parsed = readAnsiCQuoted(src, i + 2);
      if (!parsed) return { error: "the command has a $' quote that is never closed" };
      word += parsed.text;
      inWord = quotedWord = true;
      i = parsed.end;
    } else if (ch === '"') {
      let j = i + 1;
      let closed = false;
      while (j < src.length) {
        const c = src[j]!;
        if (c === '"') {
          closed = true;
          break;
        }
        if (c === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          if (n === '\n') {
            j += 2;
            continue;
          }
          if (n === '$' || n === '`' || n === '"' || n === '\\') {
            word += n;
            j += 2;
            continue;
          }
        }
        word += c;
        j++;
      }
      if (!closed) return { error: 'the command has a double quote (") that is never closed' };
      inWord = quotedWord = true;
      i = j + 1;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  endWord();
  return { words };
}

const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function readAnsiCQuoted(src: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  let j = start;
  while (j < src.length) {
    const c = src[j]!;
    if (c === "'") return { text, end: j + 1 };
    if (c === '\\' && j + 1 < src.length) {
      const n = src[j + 1]!;
      const hex = n === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(src.slice(j + 2)) : null;
      if (hex) {
        text += String.fromCharCode(parseInt(hex[0], 16));
        j += 2 + hex[0].length;
        continue;
      }
      text += ANSI_C_ESCAPES[n] ?? '\\' + n;
      j += 2;
      continue;
    }
    text += c;
    j++;
  }
  return undefined;
}
