/**
 * Says what a piece of unusable input looks like without quoting it: people paste code and
 * logs with their secret in them, and an error message that echoes the paste prints it again
 * (issue #11: "inspect" quoted 27 of 32 characters of a secret from a ccxt line).
 */

/** The first line decides; checked in order (JavaScript before Python: both assign with "="). */
const SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/^\s*[{[]/, 'JSON'],
  [/^\s*</, 'HTML or XML'],
  [/^\s*(?:\$\s+)?(?:curl|wget|http|python3?|node|npm|npx)\s/i, 'a shell command'],
  [/^\s*(?:const|let|var|await|function|export)\s|^\s*import\s.*\sfrom\s|require\(|=>|;\s*$/, 'JavaScript code'],
  [/^\s*(?:import\s|from\s+\S+\s+import\s|def\s|class\s|print\(|async\s+def\s)|^\s*[A-Za-z_][\w.]*\s*=\s*[\w.]+\(/, 'Python code'],
  [/^\s*\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/, 'a log line'],
  [/^\s*(?:Traceback\b|[A-Z]\w*(?:Error|Exception)\b)/, 'an error message'],
];

/** "a 214-character text that starts like Python code", "a 3-line, 120-character text". */
export function describeInput(text: string): string {
  const trimmed = text.trim();
  const chars = [...trimmed].length;
  const lines = trimmed.split(/\r?\n/).length;
  const size = lines > 1 ? `a ${lines}-line, ${chars}-character text` : `a ${chars}-character text`;
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  const shape = SHAPES.find(([pattern]) => pattern.test(firstLine))?.[1];
  return shape ? `${size} that starts like ${shape}` : size;
}
