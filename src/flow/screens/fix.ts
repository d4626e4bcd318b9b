import { ACTIONS, offer } from '../actions.js';
// Which diagnoses offer the signature lab (l), the expiry helper (e), typed credentials (t): the catalog says.
import { CREDENTIAL_DIAGNOSES, EXPIRY_DIAGNOSES, LAB_DIAGNOSES } from '../../core/catalog/index.js';
import { stepIds, stepInfo, stepNumber } from '../content.js';
import { advance } from '../guide.js';
import { clamp, go, goBack, log, onListKeys, quit, runStep, stay, type Of } from '../navigation.js';
import type { Screen, Transition, WizardState } from '../types.js';
import { typeCredentials } from './credentials.js';
import type { ScreenModule } from './module.js';
import { openSummary, summaryItems } from './summary.js';

/**
 * The quick-fix screen: one diagnosis (of a step, or of a pasted error) with its evidence and
 * numbered fixes. The focused fix is the one `c` copies and `p` prints; `r` re-runs the step
 * after a change; the lab, the expiry helper or the credential fields open when they fit.
 */

export const fix: ScreenModule<'fix'> = {
  transition(state, s, event) {
    const diagnosis = s.diagnoses[s.index];
    const fixes = diagnosis?.fixes ?? [];
    const source = s.source;
    const list = onListKeys(state, s, event, fixes.length);
    if (list) return list;
    switch (event.type) {
      case 'problem': {
        const index = clamp(s.index + event.delta, s.diagnoses.length);
        return stay({ ...state, screen: { ...s, index, focus: index === s.index ? s.focus : 0 } });
      }
      case 'copy': {
        const focused = fixes[s.focus];
        if (!focused) return stay(state);
        return stay(state, [{ type: 'copy', text: focused.text, what: `fix ${s.focus + 1}` }]);
      }
      case 'print': {
        const focused = fixes[s.focus];
        if (!focused) return stay(state);
        const printed = log(state, { kind: 'text', title: `Fix ${s.focus + 1}: ${focused.title}`, text: focused.text });
        return stay({ ...printed, flash: { tone: 'ok', text: `Fix ${s.focus + 1} printed in full above.` } });
      }
      case 'rerun':
        return source.kind === 'step' ? runStep(state, source.result.id, source.mode, [], { rerun: true }) : stay(state);
      case 'accept':
        if (source.kind === 'step') return source.mode === 'guide' ? advance(state, source.result.id, 'guide') : openSummary(state);
        return go({ ...state, back: [] }, { kind: 'welcome', focus: 0 });
      case 'report':
        return stay(state, [{ type: 'report', action: event.action }]);
      case 'open-lab':
        if (!diagnosis || !LAB_DIAGNOSES.has(diagnosis.id)) return stay(state);
        return go(state, { kind: 'lab', phase: 'input', text: '', secret: '', focus: 0 }, { push: true });
      case 'open-expiry':
        if (!diagnosis || !EXPIRY_DIAGNOSES.has(diagnosis.id)) return stay(state);
        return go(state, { kind: 'expiry', phase: 'ip', focus: 0, text: '' }, { push: true });
      case 'type-credentials':
        if (!diagnosis || !CREDENTIAL_DIAGNOSES.has(diagnosis.id)) return stay(state);
        return typeCredentials(state);
      case 'back':
        return goBack(state, refreshSummary(state));
      case 'quit':
        return quit(state);
      default:
        return stay(state);
    }
  },

  view(state, s: Of<'fix'>) {
    const d = s.diagnoses[s.index];
    const source = s.source;
    const info = stepInfo(state.api);
    const where =
      source.kind === 'step' ? `Step ${stepNumber(source.result.id, state.api)} of ${stepIds(state.api).length} · ${info[source.result.id].title}` : 'the error you pasted';
    const count = s.diagnoses.length > 1 ? ` · problem ${s.index + 1} of ${s.diagnoses.length}` : '';
    const titles = d?.fixes.map((f) => f.title) ?? [];
    const step = source.kind === 'step';
    const accept =
      source.kind === 'explain'
        ? ACTIONS.accept('done', 'Done')
        : source.mode === 'guide'
          ? ACTIONS.accept('continue', 'Continue with the next check')
          : ACTIONS.accept('summary', 'Back to the summary');
    return {
      status: { status: step ? source.result.status : 'fail', text: `${where}${count}` },
      ...(source.kind === 'step' && source.result.timing ? { timing: source.result.timing } : {}),
      ...(d ? { body: { kind: 'diagnosis', diagnosis: d, focus: s.focus } as const } : {}),
      list: { noun: 'fix', count: titles.length, focus: s.focus },
      actions: offer([
        [true, accept],
        [source.kind === 'step', ACTIONS.rerun(source.kind === 'step' ? info[source.result.id].title : '')],
        [titles.length > 0, ACTIONS.copyFix(titles)],
        [s.index > 0, ACTIONS.previousProblem(s.index, s.diagnoses.length)],
        [s.index + 1 < s.diagnoses.length, ACTIONS.nextProblem(s.index + 2, s.diagnoses.length)],
        [step, ACTIONS.showReport()],
        [d && LAB_DIAGNOSES.has(d.id), ACTIONS.openLab()],
        [d && EXPIRY_DIAGNOSES.has(d.id), ACTIONS.openExpiry()],
        [d && CREDENTIAL_DIAGNOSES.has(d.id), ACTIONS.typeCredentials()],
        [titles.length > 0, ACTIONS.printFix(titles)],
        [true, ACTIONS.back()],
        [true, ACTIONS.quit()],
      ]),
    };
  },
};

/** A summary returned to is re-focused within its items (results may have changed). */
function refreshSummary(state: WizardState): (screen: Screen) => Screen {
  return (screen) => (screen.kind === 'summary' ? { ...screen, focus: clamp(screen.focus, summaryItems(state).length) } : screen);
}
