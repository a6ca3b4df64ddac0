// Test-only fault injection: RAMP_FAILPOINTS="after-inbox-ack:exit" makes the process kill itself
// (SIGKILL, no shutdown code) at that point, so the crash tests (test/reliability/) hit a window
// deterministically instead of racing a kill. Unset (always, in production) every failpoint is
// inert. Points: after-inbox-ack (an interaction stored and acknowledged, not yet processed),
// after-inbox-commit (its state change committed, the answer not yet sent).
// Each fires once per process; "name:exit" is the only action.

export type Failpoint = (name: string) => Promise<void>;

export function failpointsFrom(setting: string | undefined): Failpoint | undefined {
  const armed = new Set(
    (setting ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.endsWith(":exit"))
      .map((s) => s.slice(0, -":exit".length)),
  );
  if (armed.size === 0) return undefined;
  return async (name) => {
    if (!armed.has(name)) return;
    armed.delete(name);
    // After an acknowledgement, a moment for the response already written to leave; elsewhere
    // at once (synchronously, so nothing that follows the failpoint runs).
    if (name === "after-inbox-ack") await new Promise((resolve) => setTimeout(resolve, 100));
    process.stdout.write(
      `${JSON.stringify({ level: 60, msg: "failpoint: exit", failpoint: name })}\n`,
    );
    process.kill(process.pid, "SIGKILL");
    await new Promise(() => {});
  };
}
