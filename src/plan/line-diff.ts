// A unified diff of two texts, line by line (as `diff -u` prints it), for showing a proposed plan
// amendment. Plan files are a few thousand lines and an amendment changes a few: the common
// head and tail are skipped, and only the middle is compared (longest common subsequence).

type Op = { kind: " " | "-" | "+"; line: string; a: number; b: number };

export function unifiedDiff(
  before: string,
  after: string,
  names: { from: string; to: string },
  context = 3,
): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = lineOps(a, b);
  if (ops.every((op) => op.kind === " ")) return "";
  const out = [`--- ${names.from}`, `+++ ${names.to}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === " ") {
      i += 1;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is no more than 2 * context lines from the previous one.
    const start = Math.max(0, i - context);
    let end = i;
    let j = i;
    while (j < ops.length) {
      if (ops[j]!.kind !== " ") end = j;
      else if (j - end > 2 * context) break;
      j += 1;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((op) => op.kind !== "+").length;
    const bCount = hunk.filter((op) => op.kind !== "-").length;
    const aStart = hunk[0]!.a + (aCount === 0 ? 0 : 1);
    const bStart = hunk[0]!.b + (bCount === 0 ? 0 : 1);
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.line}`);
    i = stop;
  }
  return `${out.join("\n")}\n`;
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Each op carries the 0-based line numbers in `a` and `b` where it stands. */
function lineOps(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail += 1;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: Op[] = [];
  for (let k = 0; k < head; k += 1) ops.push({ kind: " ", line: a[k]!, a: k, b: k });
  // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..].
  const lcs = Array.from({ length: midA.length + 1 }, () =>
    new Array<number>(midB.length + 1).fill(0),
  );
  for (let i = midA.length - 1; i >= 0; i -= 1)
    for (let j = midB.length - 1; j >= 0; j -= 1)
      lcs[i]![j] =
        midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      ops.push({ kind: " ", line: midA[i]!, a: head + i, b: head + j });
      i += 1;
      j += 1;
    } else if (i < midA.length && (j === midB.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // A removed line before the line that replaces it, as `diff -u` prints them.
      ops.push({ kind: "-", line: midA[i]!, a: head + i, b: head + j });
      i += 1;
    } else {
      ops.push({ kind: "+", line: midB[j]!, a: head + i, b: head + j });
      j += 1;
    }
  }
  for (let k = 0; k < tail; k += 1) {
    const ai = a.length - tail + k;
    const bi = b.length - tail + k;
    ops.push({ kind: " ", line: a[ai]!, a: ai, b: bi });
  }
  return ops;
}
