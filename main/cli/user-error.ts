/** A mistake in the user's input: printed as one clear line, never as a stack trace. */
export class UserError extends Error {}
