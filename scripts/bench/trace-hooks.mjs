// Module hooks for trace-register.mjs: append every file URL the process loads to MEXC_TRACE_FILE.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.MEXC_TRACE_FILE && url.startsWith('file:')) appendFileSync(process.env.MEXC_TRACE_FILE, `${url}\n`);
  return nextLoad(url, context);
}
