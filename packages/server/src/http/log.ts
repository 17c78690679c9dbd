// What the node writes to its logs about a failure: enough for an operator to find the bug, no
// personal data (Law 25). A database error's `detail` quotes the row's values (a name, an email)
// and an SMTP refusal quotes the recipient: only the error's kind, its message with addresses
// masked, and its stack frames are written; a path loses its tokens.

const EMAIL = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+\.[A-Za-z]{2,}/g;

/** The text with every email address replaced by `<email>`. */
export const maskEmails = (text: string): string => text.replace(EMAIL, '<email>');

/** A request's path as logged: link tokens (32 characters, longer than any id) become `…`. */
export const loggedPath = (path: string): string => path.replace(/[A-Za-z0-9_-]{30,}/g, '…');

/** An error as logged: `Name: message` (addresses masked), then its stack frames only. */
export function loggedError(error: unknown): string {
  if (!(error instanceof Error)) return maskEmails(String(error));
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${maskEmails(error.message)}`, ...frames].join('\n');
}
