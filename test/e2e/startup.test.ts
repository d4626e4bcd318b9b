import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, userEnv } from '../support/cli.js';

/**
 * Node 22.1 and later keep the compiled bundle in the module compile cache, so a second run of
 * mexc-wizard skips parsing and compiling most of it. Node 20 has no compile cache.
 */

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const hasCompileCache = major > 22 || (major === 22 && minor >= 1);
if (!hasCompileCache) console.warn(`[startup] Node ${process.versions.node} has no module compile cache: its test runs on Node 22.1+ (npm run test:node-matrix).`);

describe.skipIf(!hasCompileCache)('the module compile cache', () => {
  let tmp = '';
  beforeAll(async () => {
    await ensureBuilt();
    tmp = mkdtempSync(join(tmpdir(), 'mw-cache-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundle after a first run (in the temp folder), and is off with NODE_DISABLE_COMPILE_CACHE', () => {
    const off = join(tmp, 'off');
    const on = join(tmp, 'on');
    for (const dir of [off, on]) spawnSync('mkdir', ['-p', dir]);
    const disabled = spawnSync(process.execPath, [BIN, '--version'], { env: userEnv({ TMPDIR: off, NODE_DISABLE_COMPILE_CACHE: '1' }), encoding: 'utf8' });
    expect(disabled.status).toBe(0);
    expect(readdirSync(off)).toEqual([]);
    const first = spawnSync(process.execPath, [BIN, '--version'], { env: userEnv({ TMPDIR: on }), encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(existsSync(join(on, 'node-compile-cache'))).toBe(true);
  });
});
