import { STEP_IDS } from '../../core/types.js';
import { STATUS_MARK, STEP_INFO } from '../content.js';
import { stay, type Of } from '../navigation.js';
import type { Paragraph } from '../view.js';
import type { ScreenModule } from './module.js';

/** The last words, left in the terminal after exit: the checklist's verdict in a line or two. */

export const exiting: ScreenModule<'exiting'> = {
  transition: (state) => stay(state),

  view(state, s: Of<'exiting'>) {
    // Always true, whenever a save asked for before leaving lands: it is named once it has.
    const written: Paragraph = { text: state.savedReport ? `Nothing was written to disk except the report: ${state.savedReport}` : 'Nothing was written to disk except reports you saved.', dim: true };
    if (s.code === 130) return { paragraphs: [{ text: 'Interrupted: requests aborted.' }, written], actions: [] };
    const ran = STEP_IDS.map((id) => state.results[id]).filter((r) => r !== undefined);
    const failed = ran.filter((r) => r.status === 'fail');
    const causes = [...new Set(failed.map((r) => r.diagnoses[0]?.title ?? r.summary))];
    const paragraphs: Paragraph[] = [];
    // No-break spaces keep each mark with its step when the line wraps.
    if (ran.length) paragraphs.push({ text: ran.map((r) => `${STATUS_MARK[r.status].symbol}\u00a0${STEP_INFO[r.id].title.replace(/ /g, '\u00a0')}`).join('  ') });
    if (failed.length) paragraphs.push({ text: `${failed.map((r) => STEP_INFO[r.id].title).join(', ')} failed: ${causes.join('; ')}`, tone: 'error' });
    else if (ran.length) paragraphs.push({ text: 'No step failed.', tone: 'ok' });
    paragraphs.push({ text: 'Bye.' }, written);
    return { paragraphs, actions: [] };
  },
};
