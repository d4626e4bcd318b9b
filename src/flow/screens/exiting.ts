import { STATUS_MARK, stepIds, stepInfo } from '../content.js';
import { stay, type Of } from '../navigation.js';
import type { Paragraph } from '../view.js';
import type { ScreenModule } from './module.js';

/** The last words, left in the terminal after exit: the checklist's verdict in a line or two. */

export const exiting: ScreenModule<'exiting'> = {
  transition: (state) => stay(state),

  view(state, s: Of<'exiting'>) {
    if (s.code === 130) return { paragraphs: [{ text: 'Interrupted: requests aborted, nothing saved.' }], actions: [] };
    const info = stepInfo(state.api);
    const ran = stepIds(state.api).map((id) => state.results[id]).filter((r) => r !== undefined);
    const failed = ran.filter((r) => r.status === 'fail');
    const causes = [...new Set(failed.map((r) => r.diagnoses[0]?.title ?? r.summary))];
    const paragraphs: Paragraph[] = [];
    // No-break spaces keep each mark with its step when the line wraps.
    if (ran.length) paragraphs.push({ text: ran.map((r) => `${STATUS_MARK[r.status].symbol}\u00a0${info[r.id].title.replace(/ /g, '\u00a0')}`).join('  ') });
    if (failed.length) paragraphs.push({ text: `${failed.map((r) => info[r.id].title).join(', ')} failed: ${causes.join('; ')}`, tone: 'error' });
    else if (ran.length) paragraphs.push({ text: 'No step failed.', tone: 'ok' });
    paragraphs.push({ text: 'Bye. Nothing was written to disk except reports you saved.', dim: true });
    return { paragraphs, actions: [] };
  },
};
