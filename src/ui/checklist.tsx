import { Box, Text } from 'ink';
import type { Body } from '../flow/view.js';
import { StatusMark, ViewParagraph } from './components.js';

type Checklist = Extract<Body, { kind: 'checklist' }>;

/** The summary's checklist: one row per step that ran (status, title, summary), then the verdict. */
export function ChecklistBody({ body, columns }: { body: Checklist; columns: number }) {
  // The longest title and two spaces, as plain mode lays it out ("Futures trade read" is 18).
  const titleWidth = Math.max(...body.steps.map((step) => step.title.length)) + 2;
  return (
    <Box flexDirection="column">
      {body.steps.map((step) => (
        <Box key={step.title}>
          <Box width={8} flexShrink={0}>
            <StatusMark status={step.status} />
          </Box>
          <Box width={titleWidth} flexShrink={0}>
            <Text bold>{step.title}</Text>
          </Box>
          <Text wrap="truncate-end">{step.summary}</Text>
        </Box>
      ))}
      <Box marginTop={1} flexDirection="column">
        <ViewParagraph p={body.verdict} width={columns} />
        {body.saved ? <Text dimColor>{body.saved}</Text> : null}
      </Box>
    </Box>
  );
}
