// Turns zod's issues into plan problems with the plan author's vocabulary.
import { type ZodIssue, ZodIssueCode } from "zod";
import { closest, type PlanPath, type PlanProblem, problem } from "./problems.ts";

const FORMATS = new Set([
  "id",
  "phone",
  "email",
  "slackUserId",
  "teamsUserId",
  "slackChannel",
  "teamsChannel",
  "clockTime",
]);

/** Field names allowed at a path, for "did you mean" on unknown fields. */
export type KnownFields = (path: PlanPath) => string[];

export function problemsFromZod(
  issues: ZodIssue[],
  value: unknown,
  knownFields: KnownFields,
): PlanProblem[] {
  return issues.flatMap((issue) => fromIssue(issue, value, knownFields));
}

function fromIssue(issue: ZodIssue, root: unknown, knownFields: KnownFields): PlanProblem[] {
  const path = issue.path;
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      if (issue.received === "undefined") {
        return [problem("shape.missing", path, { field: String(path[path.length - 1] ?? "") })];
      }
      return [problem("shape.type", path, { expected: issue.expected, received: issue.received })];
    case ZodIssueCode.unrecognized_keys:
      return issue.keys.map((field) => {
        const suggestion = closest(field, knownFields(path));
        return problem(
          "shape.unknownField",
          [...path, field],
          suggestion ? { field, suggestion } : { field },
        );
      });
    case ZodIssueCode.invalid_enum_value:
      return [
        problem("shape.enum", path, {
          value: String(issue.received),
          options: issue.options.join(", "),
        }),
      ];
    case ZodIssueCode.invalid_literal:
      return [problem("shape.literal", path, { expected: String(issue.expected) })];
    case ZodIssueCode.too_small:
      if (issue.type === "array") {
        return issue.exact
          ? [problem("shape.count", path, { expected: Number(issue.minimum) })]
          : [problem("shape.tooFew", path, { minimum: Number(issue.minimum) })];
      }
      if (issue.type === "string")
        return [problem("shape.missing", path, { field: lastKey(path) })];
      return [problem("shape.number", path, { minimum: Number(issue.minimum) })];
    case ZodIssueCode.too_big:
      if (issue.type === "array" && issue.exact)
        return [problem("shape.count", path, { expected: Number(issue.maximum) })];
      return [problem("shape.other", path, { detail: issue.message })];
    case ZodIssueCode.invalid_string:
      if (FORMATS.has(issue.message)) {
        return [
          problem("shape.format", path, {
            format: issue.message,
            value: String(valueAt(root, path)),
          }),
        ];
      }
      return [problem("shape.other", path, { detail: issue.message })];
    case ZodIssueCode.custom: {
      const params = issue.params as { problem?: string; value?: string } | undefined;
      if (params?.problem === "duration" || params?.problem === "timeZone") {
        return [
          problem("shape.format", path, {
            format: params.problem,
            value: String(valueAt(root, path)),
          }),
        ];
      }
      return [problem("shape.other", path, { detail: issue.message })];
    }
    default:
      return [problem("shape.other", path, { detail: issue.message })];
  }
}

function lastKey(path: PlanPath): string {
  for (let i = path.length - 1; i >= 0; i--)
    if (typeof path[i] === "string") return String(path[i]);
  return "";
}

function valueAt(root: unknown, path: PlanPath): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
