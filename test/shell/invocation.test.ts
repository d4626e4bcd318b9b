import { describe, expect, it } from 'vitest';
import { detectInvocation, quoteArg } from '../../src/shell/invocation.js';

const posix = (script: string | undefined, env: Record<string, string> = {}, cwd = '/home/ana/bot') =>
  detectInvocation({ script, env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env }, cwd, platform: 'linux' });

describe('how the user started mexc-wizard, as the words to type again', () => {
  it('npx: npm marks the run as npx, or the script sits in npx\'s cache', () => {
    expect(posix('/home/ana/.npm/_npx/dff9aeb6371a9c6e/node_modules/.bin/mexc-wizard', { npm_lifecycle_event: 'npx', npm_command: 'exec' })).toBe('npx mexc-wizard');
    // An older npm that does not set npm_lifecycle_event: the cache folder tells.
    expect(posix('/home/ana/.npm/_npx/dff9aeb6371a9c6e/node_modules/.bin/mexc-wizard')).toBe('npx mexc-wizard');
  });

  it("a project's dependency (node_modules/.bin): npx finds it again", () => {
    expect(posix('/home/ana/bot/node_modules/.bin/mexc-wizard')).toBe('npx mexc-wizard');
    expect(posix('/home/ana/bot/node_modules/.bin/mexc-wizard', { npm_lifecycle_event: 'diag', npm_package_name: 'mybot', npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64' })).toBe('npx mexc-wizard');
  });

  it('a global install whose bin folder is on PATH: the bare name', () => {
    expect(posix('/usr/local/bin/mexc-wizard')).toBe('mexc-wizard');
  });

  it('a global install run by its path (not on PATH): that path', () => {
    expect(posix('/opt/tools/bin/mexc-wizard')).toBe('/opt/tools/bin/mexc-wizard');
  });

  it('a clone started with node: the launcher relative to the current folder when it is under it', () => {
    expect(posix('/home/ana/mexc-wizard/bin/mexc-wizard.js', {}, '/home/ana/mexc-wizard')).toBe('node bin/mexc-wizard.js');
    expect(posix('/home/ana/mexc-wizard/bin/mexc-wizard.js', {}, '/home/ana/bot')).toBe('node /home/ana/mexc-wizard/bin/mexc-wizard.js');
  });

  it('a clone in a folder with spaces: the path quoted as one shell word', () => {
    expect(posix("/home/ana/my tools/ana's mexc-wizard/bin/mexc-wizard.js", {}, '/tmp')).toBe(`node '/home/ana/my tools/ana'\\''s mexc-wizard/bin/mexc-wizard.js'`);
  });

  it("an npm script of the clone itself (npm start, npm run demo): npm start, quiet so redirected output stays clean", () => {
    const npm = { npm_lifecycle_event: 'demo', npm_package_name: 'mexc-wizard', npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false' };
    expect(posix('/home/ana/mexc-wizard/bin/mexc-wizard.js', npm, '/home/ana/mexc-wizard')).toBe('npm start --silent --');
    // Another package manager's script: the node form, which works whatever runs it.
    expect(posix('/home/ana/mexc-wizard/bin/mexc-wizard.js', { ...npm, npm_config_user_agent: 'yarn/1.22.22 npm/? node/v20.20.2 linux x64' }, '/home/ana/mexc-wizard')).toBe('node bin/mexc-wizard.js');
  });

  it('Windows: a global install runs the package file through npm\'s .cmd shim; its prefix is on PATH', () => {
    const env = { Path: 'C:\\Windows\\system32;C:\\Users\\Ana\\AppData\\Roaming\\npm' };
    expect(detectInvocation({ script: 'C:\\Users\\Ana\\AppData\\Roaming\\npm\\node_modules\\mexc-wizard\\bin\\mexc-wizard.js', env, cwd: 'C:\\Users\\Ana', platform: 'win32' })).toBe('mexc-wizard');
    // The same file in a project's node_modules: npx.
    expect(detectInvocation({ script: 'C:\\bot\\node_modules\\mexc-wizard\\bin\\mexc-wizard.js', env, cwd: 'C:\\bot', platform: 'win32' })).toBe('npx mexc-wizard');
    expect(detectInvocation({ script: 'C:\\src\\mexc wizard\\bin\\mexc-wizard.js', env, cwd: 'C:\\Users\\Ana', platform: 'win32' })).toBe('node "C:\\src\\mexc wizard\\bin\\mexc-wizard.js"');
  });

  it('nothing known (in-process tests, an embedder): npx mexc-wizard', () => {
    expect(posix(undefined)).toBe('npx mexc-wizard');
  });

  it('quotes only what a shell would split or expand', () => {
    expect(quoteArg('bin/mexc-wizard.js', 'linux')).toBe('bin/mexc-wizard.js');
    expect(quoteArg('/a b/c', 'linux')).toBe("'/a b/c'");
    expect(quoteArg('/a$HOME/c', 'linux')).toBe("'/a$HOME/c'");
  });
});
