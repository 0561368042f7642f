/** A command-line mistake (a missing argument, an unknown value): the CLI prints the message and exits 1. */
export class UsageError extends Error {}
