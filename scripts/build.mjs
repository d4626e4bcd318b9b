// Bundles src/cli.ts into dist/ as minified ESM. Code splitting keeps Ink, got and the
// simulator in chunks loaded on first use, so --version, --help and check start fast.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    'process.env.NODE_ENV': '"production"',
    __MEXC_WIZARD_VERSION__: JSON.stringify(pkg.version),
  },
  // Ink imports react-devtools-core only when DEV=true; stub it so the bundle never needs it.
  // got loads HTTP/2, response-cache and DNS-cache support at start-up; mexc-wizard turns none of
  // them on, so stand-ins that throw if ever used save 68 KB and about 18 ms before check's first
  // request (scripts/stub-got-optional.mjs).
  alias: {
    'react-devtools-core': './scripts/stub-devtools.mjs',
    'http2-wrapper': './scripts/stub-http2-wrapper.mjs',
    'cacheable-request': './scripts/stub-got-optional.mjs',
    'cacheable-lookup': './scripts/stub-got-optional.mjs',
  },
  // Some bundled CommonJS dependencies call require(): give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
