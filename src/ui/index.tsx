import { render } from 'ink';
import { replaceFirstFrame } from '../shell/first-frame.js';
import { loadTextMeasure } from '../shell/layout.js';
import type { FrontEnd } from '../shell/launcher.js';
import { App } from './App.js';

/**
 * The Ink front end: renders the wizard until it exits. Never calls process.exit (cli.ts does)
 * and leaves the last frame (the exit screen) in the terminal.
 */
export function inkFrontEnd(): FrontEnd {
  return {
    async show({ wizard, stdin, stdout, exited, firstFrame, hyperlinks }) {
      // Exact widths for the live area's layout: string-width is part of Ink, already loaded.
      await loadTextMeasure();
      const draw = () =>
        render(<App store={wizard.store} hyperlinks={hyperlinks} />, {
          stdin,
          stdout,
          exitOnCtrlC: false,
          // Screen readers get the linear front end (plain/linear.ts): Ink's own mode redraws.
          isScreenReaderEnabled: false,
        });
      // The welcome screen drawn before Ink loaded and Ink's first frame change places in one
      // write, so nothing flashes and nothing is drawn twice.
      const instance = firstFrame ? replaceFirstFrame(stdout, firstFrame, draw) : draw();
      // The first frame is out: load got and the steps in the background.
      wizard.runtime.warmUp();
      void exited.then(() => instance.unmount());
      await instance.waitUntilExit();
    },
  };
}
