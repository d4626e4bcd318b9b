import path from 'node:path';
import { DEFAULT_INVOCATION } from '../core/defaults.js';

/**
 * How the user started mexc-wizard, as the words to type again: every command a fix, hint or
 * help line names starts with it, so it runs the same tool the same way (issue #13). Read once
 * from what the process was given; the layers below get it as data (`CommandIO.invocation`,
 * `FixContext.invocation`).
 */
export interface InvocationInput {
  /** `process.argv[1]`: the script Node runs (npx, a global bin, bin/mexc-wizard.js of a clone). */
  script: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  platform: NodeJS.Platform;
}

/** The launcher's file name in the package (package.json "bin"). */
const BIN_FILE = 'mexc-wizard.js';
const PACKAGE = 'mexc-wizard';

/**
 * - `npx mexc-wizard`: started by npx (npm sets npm_lifecycle_event=npx; its cache is `_npx`), or
 *   from a project's `node_modules/.bin`, which npx finds again;
 * - `npm start --silent --`: an npm script of the mexc-wizard clone itself (`npm start`,
 *   `npm run demo`); `--silent` keeps npm's banner out of output redirected to a file;
 * - `mexc-wizard`: a global install whose bin folder is on PATH;
 * - `node bin/mexc-wizard.js` (relative to the current folder when the clone is under it,
 *   absolute otherwise): a clone started with node;
 * - the script's own path for any other executable, and `npx mexc-wizard` when nothing is known.
 */
export function detectInvocation(input: InvocationInput): string {
  const { script, env, cwd, platform } = input;
  if (!script) return DEFAULT_INVOCATION;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const parts = p.normalize(script).split(/[\\/]+/);
  if (env.npm_lifecycle_event === 'npx' || parts.includes('_npx')) return DEFAULT_INVOCATION;
  const base = p.basename(script);
  const inNodeModules = parts.lastIndexOf('node_modules');
  if (inNodeModules >= 0) {
    // <prefix>/node_modules/.bin/mexc-wizard: a project's dependency.
    if (parts[inNodeModules + 1] === '.bin') return DEFAULT_INVOCATION;
    // <prefix>/node_modules/mexc-wizard/bin/mexc-wizard.js: Windows runs global bins this way
    // (npm's .cmd shim); global when <prefix> is on PATH, a project's dependency otherwise.
    const prefix = parts.slice(0, inNodeModules).join(p.sep) || p.sep;
    return onPath(prefix, env, platform) ? PACKAGE : DEFAULT_INVOCATION;
  }
  if (base === BIN_FILE) {
    const npmScript = env.npm_lifecycle_event && env.npm_package_name === PACKAGE && /^npm\//.test(env.npm_config_user_agent ?? '');
    if (npmScript) return 'npm start --silent --';
    return `node ${quoteArg(relativeIfInside(script, cwd, p), platform)}`;
  }
  // A global install on POSIX: <prefix>/bin/mexc-wizard, a link into the package.
  if (onPath(p.dirname(script), env, platform)) return quoteArg(base, platform);
  return quoteArg(script, platform);
}

function onPath(dir: string, env: InvocationInput['env'], platform: NodeJS.Platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const pathVar = platform === 'win32' ? (env.Path ?? env.PATH ?? '') : (env.PATH ?? '');
  const same = (a: string, b: string) => (platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
  const wanted = p.resolve(dir);
  return pathVar.split(p.delimiter).some((entry) => entry !== '' && same(p.resolve(entry), wanted));
}

/** `bin/mexc-wizard.js` when the script is under the current folder, its absolute path otherwise. */
function relativeIfInside(script: string, cwd: string, p: typeof path.posix): string {
  const relative = p.relative(cwd, script);
  return relative && !relative.startsWith('..') && !p.isAbsolute(relative) ? relative : script;
}

/** A path as one shell word: single quotes on POSIX shells, double quotes for cmd and PowerShell. */
export function quoteArg(arg: string, platform: NodeJS.Platform): string {
  if (/^[\w@%+=:,./\\-]+$/.test(arg)) return arg;
  if (platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
