#!/usr/bin/env node
// Tiny, unbundled launcher: settles what must be decided before any dependency is loaded
// (chalk and is-in-ci read the environment at import time), then loads the bundle.
import module from 'node:module';

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write(
    `mexc-wizard needs Node.js 20 or newer, and this is Node ${process.versions.node}.\n` +
      'Install a current Node.js (https://nodejs.org, or "nvm install 22") and run it again.\n',
  );
  process.exit(1);
}
const args = process.argv.slice(2);
if ((process.env.NO_COLOR ?? '') !== '' || args.includes('--no-color')) process.env.FORCE_COLOR = '0';
// Ink switches to development mode when DEV is set in the user's shell.
delete process.env.DEV;
if (args.includes('--screen-reader') || process.env.ACCESSIBLE === '1') process.env.INK_SCREEN_READER = 'true';
if (args.includes('--interactive')) process.env.CI = 'false';

// Node 22.1 and later keep the compiled bundle on disk (os.tmpdir()/node-compile-cache), so a
// second run skips most of parsing and compiling it (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir).
// NODE_DISABLE_COMPILE_CACHE=1 turns it off; Node 20 has no such cache.
module.enableCompileCache?.();

let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('mexc-wizard is not built yet: run "npm run build" in its folder, then try again.\n');
    process.exit(1);
  }
  throw error;
}
await cli.run();
