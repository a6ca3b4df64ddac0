// Test-only failpoints: RAMP_FAILPOINTS=name[,name…] makes failpoint(name) kill the process
// there with SIGKILL (no shutdown code runs), as a power cut at that exact moment would. The crash
// tests (test/reliability) use it for moments a test cannot hit from outside, such as "Slack
// answered, Ramp has not stored it yet". Unset in production: failpoint() then does nothing.
const active = new Set(
  (process.env.RAMP_FAILPOINTS ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean),
);

export function failpoint(name: string): void {
  if (!active.has(name)) return;
  process.stderr.write(`failpoint ${name}: killing the process\n`);
  process.kill(process.pid, "SIGKILL");
}
