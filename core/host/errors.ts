// Errors that cross the host boundary. They travel as plain data ({code, message}) and are
// rebuilt as HostError on the other side, so the UI can branch on `code` and show `message`.
import { z } from 'zod';

export const HostErrorCode = z.enum([
  /** The request did not match the channel's schema (a bug in the caller, or a hostile page). */
  'bad-request',
  /** No such channel in the table. */
  'unknown-channel',
  /** The host produced a response that does not match its own schema (a bug in the host). */
  'bad-response',
  /** A file or folder that does not exist. */
  'not-found',
  /** Any other file-system failure (permissions, disk full…). */
  'io',
  /** The operation needs a native dialog and this host has none (web mode): pass a path. */
  'no-dialog',
  /** The connection to the host is gone (web mode server stopped, window closing). */
  'disconnected',
  'internal',
]);
export type HostErrorCode = z.infer<typeof HostErrorCode>;

export const HostErrorData = z
  .object({ code: HostErrorCode, message: z.string(), channel: z.string().optional() })
  .strict();
export type HostErrorData = z.infer<typeof HostErrorData>;

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly channel?: string,
  ) {
    super(message);
    this.name = 'HostError';
  }

  toData(): HostErrorData {
    return this.channel === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, channel: this.channel };
  }

  static fromData(data: HostErrorData): HostError {
    return new HostError(data.code, data.message, data.channel);
  }
}

/** One line per zod issue, with the argument position and field path, for error messages. */
export function describeIssues(error: z.ZodError, root = 'args'): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('');
      return `${root}${path}: ${issue.message}`;
    })
    .join('; ');
}
