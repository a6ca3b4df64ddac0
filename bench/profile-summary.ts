// Summarises a V8 CPU profile (node --cpu-prof): the top functions by self time, and self time
// per package, so a profile of bench/profile-hot.ts can be read without DevTools.
//   npx tsx bench/profile-summary.ts /tmp/prof/CPU.….cpuprofile [top]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const top = Number(topArg ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** A package (node_modules/<name>), Ramp's own folder, node's internals or V8's pseudo-frames. */
function area(url: string, name: string): string {
  if (!url) return `(${name || "native"})`;
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node:internal";
  const src = url.indexOf("/src/");
  if (src >= 0)
    return `ramp ${url
      .slice(src + 1)
      .split("/")
      .slice(0, 2)
      .join("/")}`;
  return url.replace(/^file:\/\//, "");
}

const functions = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, time] of self) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(src|bench|test)\//, "$1/")}:${lineNumber + 1}`
    : "";
  const key = `${functionName || "(anonymous)"} ${where}`;
  functions.set(key, (functions.get(key) ?? 0) + time);
  const a = area(url, functionName);
  areas.set(a, (areas.get(a) ?? 0) + time);
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
const msOf = (t: number) => `${(t / 1000).toFixed(0).padStart(6)} ms`;
process.stdout.write(`total sampled ${msOf(total)}\n\nself time by area\n`);
for (const [name, t] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 25))
  process.stdout.write(`${pct(t)} ${msOf(t)}  ${name}\n`);
process.stdout.write(`\ntop ${top} functions by self time\n`);
for (const [name, t] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`${pct(t)} ${msOf(t)}  ${name}\n`);
