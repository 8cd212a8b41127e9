// STUB: replaced by the CLI implementation.
process.exitCode = 0;
