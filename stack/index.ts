// Pulumi entry point (Pulumi.yaml `main: stack/`): the exported function's result is the stack's
// outputs. Everything else lives in program.ts so tests can run it under mocks.
import { runProgram } from "./program";

export = runProgram;
