// Package size: `npm pack` tarball, unpacked size, files, runtime dependencies, and the size of
// a global install from the tarball into a temp prefix (what `npx mexc-wizard` downloads and
// writes on its first run).
//
//   node scripts/bench/package.mjs [--json out.json]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, context, flags, fmt, requireBuild, tempDir, writeJson } from './lib.mjs';

const opts = flags({ json: '' });
requireBuild();
const dir = tempDir('mexc-bench-pack-');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] };

const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { ...quiet, cwd: ROOT }));
const tgz = path.join(dir, packed.filename);
const prefix = path.join(dir, 'prefix');
execFileSync(npm, ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz], quiet);

function du(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((n, f) => n + du(path.join(p, f)), 0);
}
const installed = path.join(prefix, 'lib/node_modules/mexc-wizard');
const installedPackages = readdirSync(path.join(installed, '..')).length;
const nested = (() => {
  try {
    return readdirSync(path.join(installed, 'node_modules')).length;
  } catch {
    return 0;
  }
})();
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const deps = Object.keys(pkg.dependencies ?? {});
const biggest = [...packed.files].sort((a, b) => b.size - a.size).slice(0, 5);

const kb = (n) => `${fmt(n / 1024, 1)} KB`;
console.log(`### Package (${context()})\n`);
console.log('| measure | value | target |');
console.log('|---|---:|---:|');
console.log(`| tarball (\`npm pack\`) | ${kb(packed.size)} | ≤ 1024 KB |`);
console.log(`| unpacked | ${kb(packed.unpackedSize)} | |`);
console.log(`| files in tarball | ${packed.entryCount} | |`);
console.log(`| runtime dependencies | ${deps.length}${deps.length ? ` (${deps.join(', ')})` : ''} | ≤ 3 |`);
console.log(`| installed size with dependencies (\`npm install -g --prefix\`) | ${kb(du(installed))} | |`);
console.log(`| packages installed | ${installedPackages + nested} | |`);
console.log(`\nLargest files: ${biggest.map((f) => `${f.path} ${kb(f.size)}`).join(', ')}.`);
writeJson(opts.json, { context: context(), size: packed.size, unpackedSize: packed.unpackedSize, files: packed.files.map((f) => [f.path, f.size]), deps, installedBytes: du(installed) });
