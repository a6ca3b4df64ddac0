#!/usr/bin/env node
// `npx ramp …`: runs the TypeScript CLI through tsx, so there is no build step.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2), process.stdout, process.stderr);
