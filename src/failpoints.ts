// Test-only fault injection: RAMP_FAILPOINTS="name[:exit],…" makes the process kill itself
// (SIGKILL, no shutdown code runs) at that point, as a power cut at that exact moment would, so the
// crash tests (test/reliability/) hit a window deterministically instead of racing a kill. Unset
// (always, in production) every failpoint is inert. Points:
// - after-inbox-ack: an interaction stored and acknowledged, not yet processed;
// - after-inbox-commit: its state change committed, the answer not yet sent;
// - slack.posted: Slack answered a chat.postMessage, Ramp has not recorded it yet;
//   slack.posted.<card kind> (e.g. slack.posted.page): the same for a post of that card only, so
//   the messages Ramp sends at start (plan copies, contact checks) do not fire it first.
// Each fires once per process; exiting is the only action.

/** The names armed in a RAMP_FAILPOINTS setting ("exit" is the only action, so ":exit" is optional). */
function armedIn(setting: string | undefined): Set<string> {
  return new Set(
    (setting ?? "")
      .split(",")
      .map((entry) => entry.trim().replace(/:exit$/, ""))
      .filter(Boolean),
  );
}

function die(name: string): void {
  process.stdout.write(
    `${JSON.stringify({ level: 60, msg: "failpoint: exit", failpoint: name })}\n`,
  );
  process.kill(process.pid, "SIGKILL");
}

export type Failpoint = (name: string) => Promise<void>;

/** For code given its failpoints by the composition root (the inbox). */
export function failpointsFrom(setting: string | undefined): Failpoint | undefined {
  const armed = armedIn(setting);
  if (armed.size === 0) return undefined;
  return async (name) => {
    if (!armed.has(name)) return;
    armed.delete(name);
    // After an acknowledgement, a moment for the response already written to leave.
    if (name === "after-inbox-ack") await new Promise((resolve) => setTimeout(resolve, 100));
    die(name);
    await new Promise(() => {});
  };
}

const fromEnvironment = armedIn(process.env.RAMP_FAILPOINTS);

/** For code deep in an adapter (synchronous: nothing after it runs). Reads RAMP_FAILPOINTS. */
export function failpoint(name: string): void {
  if (!fromEnvironment.delete(name)) return;
  die(name);
}
