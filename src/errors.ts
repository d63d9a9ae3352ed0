/** An input planparse cannot read as a plan text. The CLI prints `message` on one line. */
export class InputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

/** A document that failed the output schema: a bug in planparse, never the user's fault. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}
