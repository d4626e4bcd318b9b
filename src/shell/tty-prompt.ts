import { InterruptedError } from './io.js';

/**
 * A masked one-line prompt for `sign` and `inspect` on a terminal, without loading Ink or
 * enquirer: raw mode, nothing echoed (not even asterisks, so the length does not leak).
 */
export function promptHidden(label: string, stdin: NodeJS.ReadStream, out: NodeJS.WriteStream, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const wasRaw = stdin.isRaw;
    // Echo off before the prompt shows: a key typed as soon as it appears must not be echoed by
    // the terminal's own line editing (the terminal test types the secret right then).
    stdin.setRawMode?.(true);
    out.write(`${label}: `);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      signal.removeEventListener('abort', onAbort);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      out.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onAbort = () => finish(new InterruptedError());
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003') return finish(new InterruptedError()); // Ctrl-C in raw mode
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    signal.addEventListener('abort', onAbort);
    stdin.on('data', onData);
  });
}
