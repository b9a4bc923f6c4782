/**
 * Exit codes: 2 for anything the user can fix in the input or the command line, 1 for
 * everything else. Both print one line on stderr and never a stack trace.
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  readonly exitCode: number;
  /** What the message is about: a request field (`risks.0.likelihood`), an option, a file. */
  readonly subject: string | undefined;

  constructor(message: string, options: { exitCode?: number; subject?: string } = {}) {
    super(message);
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT_USAGE;
    this.subject = options.subject;
  }
}

export function usageError(message: string, subject?: string): CliError {
  return new CliError(message, { exitCode: EXIT_USAGE, subject });
}

/** `error: subject: message` on one line, without repeating the subject the message opens with. */
export function errorLine(subject: string | undefined, message: string): string {
  const flat = message.replace(/\s*\n\s*/g, ' ').trim();
  if (subject === undefined || subject === '') return `error: ${flat}`;
  const rest = flat.startsWith(`${subject} `) ? flat.slice(subject.length + 1) : flat;
  return `error: ${subject}: ${rest}`;
}
