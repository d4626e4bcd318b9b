/**
 * The file behind `sim --log FILE`: opened for appending before the simulator starts (so a bad
 * path is a usage error, not a surprise at the first request), one write per line.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface RequestLogFile {
  /** Appends one whole line with a single write; after a failed write, the file is left alone. */
  append(line: string): void;
  close(): void;
}

export type OpenLogResult = { ok: true; file: RequestLogFile } | { ok: false; message: string; hint: string };

export interface LogFileHandlers {
  /** Told once, when a write fails (disk full, file system gone); the simulator keeps serving. */
  onWriteError(message: string): void;
}

/** `shown` is the path as the user typed it; `fullPath` is where it resolves. */
export function openRequestLogFile(shown: string, fullPath: string, handlers: LogFileHandlers): OpenLogResult {
  if (shown.trim() === '') return { ok: false, message: '--log needs a file name.', hint: 'Example: mexc-wizard sim --log requests.jsonl' };
  let fd: number;
  try {
    // O_APPEND: every write lands at the end, also when another process appends to the same file.
    fd = openSync(fullPath, 'a');
  } catch (error) {
    return { ok: false, ...openFailure(shown, fullPath, (error as NodeJS.ErrnoException).code ?? 'EIO') };
  }
  let open = true;
  return {
    ok: true,
    file: {
      append(line) {
        if (!open) return;
        try {
          writeSync(fd, line);
        } catch (error) {
          open = false;
          handlers.onWriteError(`Cannot write to the request log ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'}); it stays as it is, the simulator keeps running.`);
          closeQuietly(fd);
        }
      },
      close() {
        if (!open) return;
        open = false;
        closeQuietly(fd);
      },
    },
  };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already gone: nothing left to flush (writes are synchronous).
  }
}

function openFailure(shown: string, fullPath: string, code: string): { message: string; hint: string } {
  const folder = path.dirname(fullPath);
  switch (code) {
    case 'ENOENT':
      return { message: `--log ${shown}: the folder ${folder} does not exist.`, hint: `Create it first (mkdir -p '${folder}'), or choose another path.` };
    case 'ENOTDIR':
      return { message: `--log ${shown}: part of that path is a file, not a folder.`, hint: 'Choose a path inside an existing folder, e.g. --log ./requests.jsonl' };
    case 'EISDIR':
      return { message: `--log ${shown} is a folder, not a file.`, hint: `Give a file name inside it, e.g. --log ${path.join(shown, 'requests.jsonl')}` };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return {
        message: `--log ${shown}: no permission to write ${fullPath} (${code}).`,
        hint: 'Choose a file in a folder you can write to, e.g. --log ./requests.jsonl',
      };
    default:
      return { message: `--log ${shown} cannot be opened for writing (${code}).`, hint: 'Choose another path, e.g. --log ./requests.jsonl' };
  }
}
