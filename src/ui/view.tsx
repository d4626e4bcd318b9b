import { Box, Text } from 'ink';
import { STATUS_MARK } from '../flow/content.js';
import type { Body, Link, Menu as MenuView, View } from '../flow/view.js';
import { hyperlink } from '../shell/hyperlink.js';
import { drawTiming, timingLine } from '../shell/timing-picture.js';
import type { ClockTiming } from '../core/types.js';
import { lineRows, listWindow, textRows } from '../shell/layout.js';
import { Busy, ErrorLine, MaskedField, Menu, Para, TONE_COLOR, ViewParagraph } from './components.js';
import { DiagnosisBody } from './diagnosis.js';
import { LabResultBody } from './lab-result.js';
import { PasteBox } from './paste-box.js';

/**
 * Draws any screen's View: heading, status line, paragraphs, body, menu, busy line, input
 * error, in that order. Only layout lives here (widths, rows, windows); the words and the
 * choices come from the flow's screen modules.
 */
export function ViewScreen({ view, columns, maxRows, hyperlinks = false }: { view: View; columns: number; maxRows: number; hyperlinks?: boolean }) {
  const above =
    (view.heading ? lineRows(view.heading, columns) : 0) +
    (view.status ? lineRows(`${view.status.status} ${view.status.text}`, columns) : 0) +
    (view.paragraphs ?? []).reduce((n, p) => n + lineRows(`${p.tone ? '✓ ' : ''}${p.text}`, columns), 0) +
    (view.links?.length ? 1 + view.links.reduce((n, l) => n + linkRows(l, columns), 0) : 0);
  // On a short terminal the fixes need the rows more than the words under the picture.
  const compactTiming = view.timing ? maxRows - above - timingRows(view.timing, columns, false) < 16 : false;
  const timing = view.timing ? timingRows(view.timing, columns, compactTiming) : 0;
  const bodyBudget = Math.max(4, maxRows - above - timing - (view.error ? lineRows(view.error, columns) : 0));
  const bodyRows = view.body ? bodyHeight(view.body, columns) : 0;
  return (
    <Box flexDirection="column">
      {view.heading ? (
        <Para width={columns} bold>
          {view.heading}
        </Para>
      ) : null}
      {view.status ? <StatusLine status={view.status} /> : null}
      {view.timing ? <TimingPicture timing={view.timing} columns={columns} compact={compactTiming} /> : null}
      {(view.paragraphs ?? []).map((p, i) => (
        <ViewParagraph key={i} p={p} width={columns} />
      ))}
      {view.links?.length ? <Links links={view.links} columns={columns} hyperlinks={hyperlinks} /> : null}
      {view.body ? <BodyView body={view.body} columns={columns} maxRows={bodyBudget} /> : null}
      {view.menu ? <MenuBlock menu={view.menu} columns={columns} maxRows={maxRows - above - bodyRows} spaced={above + bodyRows > 0} /> : null}
      {view.busy ? <Busy label={view.busy} /> : null}
      <ErrorLine text={view.error} width={columns} />
    </Box>
  );
}

function StatusLine({ status }: { status: NonNullable<View['status']> }) {
  const mark = STATUS_MARK[status.status];
  return (
    <Text>
      <Text color={TONE_COLOR[mark.tone]} bold>
        {mark.symbol} {mark.word}
      </Text>{' '}
      <Text dimColor>{status.text}</Text>
    </Text>
  );
}

/** Rows a body takes above a menu (only bodies that share a screen with a menu are counted). */
function bodyHeight(body: Body, columns: number): number {
  if (body.kind === 'rows') return body.rows.reduce((n, r) => n + lineRows(r.value, columns - 11), 0);
  return 0;
}

function BodyView({ body, columns, maxRows }: { body: Body; columns: number; maxRows: number }) {
  switch (body.kind) {
    case 'rows':
      return (
        <Box flexDirection="column" paddingLeft={2}>
          {body.rows.map((row) => (
            <Box key={row.label}>
              <Text bold>{row.label.padEnd(9)}</Text>
              <Para width={columns - 11}>{row.value}</Para>
            </Box>
          ))}
        </Box>
      );
    case 'masked':
      return (
        <Box flexDirection="column" marginTop={1} paddingLeft={2}>
          {body.fields.map((f) => (
            <MaskedField key={f.label} label={f.label} length={f.length} active={f.active} {...(f.placeholder ? { placeholder: f.placeholder } : {})} />
          ))}
        </Box>
      );
    case 'paste':
      return <PasteBox text={body.text} columns={columns} maxRows={Math.max(2, Math.min(10, maxRows - 1))} placeholder={body.placeholder} />;
    case 'diagnosis':
      return <DiagnosisBody diagnosis={body.diagnosis} focus={body.focus} columns={columns} maxRows={maxRows} />;
    case 'lab':
      return <LabResultBody body={body} columns={columns} maxRows={maxRows} />;
  }
}

const pictureWidth = (columns: number) => Math.min(columns, 100) - 2;
const timingRows = (timing: ClockTiming, columns: number, compact: boolean) =>
  drawTiming(timing, pictureWidth(columns)).length + (compact ? 0 : lineRows(timingLine(timing), columns) + 2);

/**
 * MEXC's timing rule as a number line, and the same in words under it (what --plain prints);
 * `compact`: the picture alone, for a short terminal.
 */
function TimingPicture({ timing, columns, compact }: { timing: ClockTiming; columns: number; compact: boolean }) {
  return (
    <Box flexDirection="column" {...(compact ? {} : { marginTop: 1, marginBottom: 1 })}>
      {drawTiming(timing, pictureWidth(columns)).map((row, i) => (
        <Text key={i}>{`  ${row}`}</Text>
      ))}
      {compact ? null : (
        <Para width={columns} dimColor>
          {timingLine(timing)}
        </Para>
      )}
    </Box>
  );
}

/** A link's label, then its URL on a line of its own (a URL is never cut: it fits, or the label is shortened). */
const linkRows = (link: Link, columns: number) => lineRows(`${link.label}:`, columns) + 1;

/**
 * Where to go on: each label, then its URL under it, whole and on its own line so a selection
 * copies it; where the terminal draws links (shell/hyperlink.ts) the URL is also clickable.
 */
function Links({ links, columns, hyperlinks }: { links: Link[]; columns: number; hyperlinks: boolean }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {links.map((link) => (
        <Box key={link.url} flexDirection="column">
          <Para width={columns} dimColor>{`${link.label}:`}</Para>
          <Text>{`  ${hyperlink(link.url, link.url, hyperlinks)}`}</Text>
        </Box>
      ))}
    </Box>
  );
}

/** The question and the menu under it, windowed around the focus when the terminal is short. */
function MenuBlock({ menu, columns, maxRows, spaced }: { menu: MenuView; columns: number; maxRows: number; spaced: boolean }) {
  // The question, the focused item's detail (up to 3 rows) and the two "more" lines.
  const size = Math.max(3, maxRows - (spaced ? 1 : 0) - lineRows(menu.question, columns) - 5);
  const { start, end } = listWindow(menu.items.length, menu.focus, size);
  return (
    <Box flexDirection="column" marginTop={spaced ? 1 : 0}>
      <Para width={columns} bold>
        {menu.question}
      </Para>
      <Menu items={menu.items} focus={menu.focus} width={columns} start={start} end={end} />
    </Box>
  );
}
