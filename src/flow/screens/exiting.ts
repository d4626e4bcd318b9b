import { stepIds, stepInfo } from '../content.js';
import { stay, type Of } from '../navigation.js';
import type { Paragraph } from '../view.js';
import type { ScreenModule } from './module.js';
import { runVerdict } from './summary.js';

/**
 * The last words, left in the terminal after exit: the run's verdict with its counts, what
 * failed and why, and what was written to disk. Each step's own line is already above.
 */

export const exiting: ScreenModule<'exiting'> = {
  transition: (state) => stay(state),

  view(state, s: Of<'exiting'>) {
    // Always true, whenever a save asked for before leaving lands: it is named once it has.
    const written: Paragraph = { text: state.savedReport ? `Nothing was written to disk except the report: ${state.savedReport}` : 'Nothing was written to disk except reports you saved.', dim: true };
    if (s.code === 130) return { paragraphs: [{ text: 'Interrupted: requests aborted.' }, written], actions: [] };
    const info = stepInfo(state.api);
    const ran = stepIds(state.api).map((id) => state.results[id]).filter((r) => r !== undefined);
    const failed = ran.filter((r) => r.status === 'fail');
    const causes = [...new Set(failed.map((r) => r.diagnoses[0]?.title ?? r.summary))];
    const paragraphs: Paragraph[] = [];
    if (ran.length) paragraphs.push(runVerdict(state));
    if (failed.length) paragraphs.push({ text: `${failed.map((r) => info[r.id].title).join(', ')} failed: ${causes.join('; ')}` });
    paragraphs.push({ text: 'Bye.' }, written);
    return { paragraphs, actions: [] };
  },
};
