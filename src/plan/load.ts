// Reads a plan file: YAML with positions, the zod shape, then the cross-references.
// Every problem carries its path and, where the file has it, its line and column.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { crossCheck } from "./cross-check.ts";
import { type PlanPath, type PlanProblem, problem } from "./problems.ts";
import { type Plan, planSchema } from "./schema.ts";
import { problemsFromZod } from "./zod-problems.ts";

export const SAMPLE_PLAN_PATH = fileURLToPath(
  new URL("../../plans/ocmw-zonnebeke.yaml", import.meta.url),
);

export type PlanResult =
  | { ok: true; plan: Plan; hash: string; warnings: PlanProblem[] }
  | { ok: false; problems: PlanProblem[] };

export async function loadPlanFile(file: string): Promise<PlanResult> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    return {
      ok: false,
      problems: [problem("file.unreadable", [], { detail: (error as Error).message })],
    };
  }
  return parsePlan(source);
}

export function parsePlan(source: string): PlanResult {
  const lines = new LineCounter();
  const document = parseDocument(source, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = lines.linePos(error.pos[0]);
        return {
          ...problem("yaml.syntax", [], { detail: firstLine(error.message) }),
          line: position.line,
          column: position.col,
        };
      }),
    };
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, problems: [problem("yaml.empty", [])] };
  }

  const locate = (path: PlanPath): { line?: number; column?: number } => {
    const node = nodeAt(document.contents, path);
    if (!node?.range) return {};
    const position = lines.linePos(node.range[0]);
    return { line: position.line, column: position.col };
  };
  const located = (problems: PlanProblem[]) => problems.map((p) => ({ ...p, ...locate(p.path) }));

  const shape = planSchema.safeParse(value);
  if (!shape.success) {
    const knownFields = (path: PlanPath) => fieldsAt(planSchema, path);
    return {
      ok: false,
      problems: located(problemsFromZod(shape.error.issues, value, knownFields)),
    };
  }
  const problems = located(crossCheck(shape.data));
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) return { ok: false, problems };
  const hash = createHash("sha256").update(source).digest("hex");
  return { ok: true, plan: shape.data, hash, warnings: problems };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

/** The YAML node at a path; for a key that is missing, its parent (so the author sees where to add it). */
function nodeAt(root: unknown, path: PlanPath): Node | undefined {
  let current = root as Node | undefined;
  for (const [i, part] of path.entries()) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && item.key.value === part);
      if (!pair) return current;
      // A list or mapping as the last step starts below its key: point at the key line instead.
      const whole = i === path.length - 1 && (isMap(pair.value) || isSeq(pair.value));
      current = (whole ? pair.key : (pair.value ?? pair.key)) as Node;
    } else if (isSeq(current) && typeof part === "number") {
      const item = current.items[part] as Node | undefined;
      if (!item) return current;
      current = item;
    } else {
      return current;
    }
  }
  return current;
}

/** Field names the schema allows at a path (objects only), for "did you mean". */
function fieldsAt(schema: unknown, path: PlanPath): string[] {
  let current = unwrap(schema);
  for (const part of path) {
    if (current && typeof part === "number" && "element" in current)
      current = unwrap(current.element);
    else if (current && typeof part === "string" && "shape" in current) {
      current = unwrap((current.shape as Record<string, unknown>)[part]);
    } else return [];
  }
  return current && "shape" in current ? Object.keys(current.shape as object) : [];
}

type ZodLike = {
  element?: unknown;
  shape?: unknown;
  _def?: { innerType?: unknown; schema?: unknown };
};

/** Sees through .default(), .optional() and .transform() to the object or array inside. */
function unwrap(schema: unknown): ZodLike | undefined {
  let current = schema as ZodLike | undefined;
  for (let i = 0; i < 5 && current; i++) {
    const def = current._def;
    if (def?.innerType) current = def.innerType as ZodLike;
    else if (def?.schema) current = def.schema as ZodLike;
    else break;
  }
  return current;
}
