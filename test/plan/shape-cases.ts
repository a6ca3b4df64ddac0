// One small edit of the sample plan (or a broken file) per kind of shape and YAML problem,
// with the problem it must produce. Shared by the shape and file tests and the describeProblem test.
import { edit, indexOf, lineOf, type ProblemCase, SAMPLE_TEXT } from "./plan-text.ts";

const fn = (id: string) => indexOf("functions", id);
const person = (id: string) => indexOf("people", id);

export const SHAPE_CASES: ProblemCase[] = [
  edit(
    "unknown field with a did-you-mean",
    (d) => d.setIn(["people", 0, "mobiel"], "+32 475 31 42 18"),
    (s) => ({
      code: "shape.unknownField",
      path: "people[0].mobiel",
      params: { field: "mobiel", suggestion: "mobile" },
      line: lineOf(s, "mobiel:"),
    }),
  ),
  edit(
    "unknown top-level field with a did-you-mean",
    (d) => d.set("remiders", { inChannel: false }),
    (s) => ({
      code: "shape.unknownField",
      path: "remiders",
      params: { field: "remiders", suggestion: "reminders" },
      line: lineOf(s, "remiders:"),
    }),
  ),
  edit(
    "unknown field without a suggestion",
    (d) => d.setIn(["meeting", "primary", "kleur"], "blauw"),
    (s) => ({
      code: "shape.unknownField",
      path: "meeting.primary.kleur",
      params: { field: "kleur" },
      line: lineOf(s, "kleur: blauw"),
    }),
  ),
  edit(
    "text where a number belongs",
    (d) => d.setIn(["fallbackLocations", 0, "capacity"], "vijftien"),
    (s) => ({
      code: "shape.type",
      path: "fallbackLocations[0].capacity",
      params: { expected: "number", received: "string" },
      line: lineOf(s, "capacity: vijftien"),
    }),
  ),
  edit(
    "fraction where a whole number belongs",
    (d) => d.setIn(["fallbackLocations", 1, "capacity"], 15.5),
    (s) => ({
      code: "shape.type",
      path: "fallbackLocations[1].capacity",
      params: { expected: "integer", received: "float" },
      line: lineOf(s, "capacity: 15.5"),
    }),
  ),
  edit(
    "invalid task phase",
    (d) => d.setIn(["situations", "A", "tasks", 0, "phase"], "technish"),
    (s) => ({
      code: "shape.enum",
      path: "situations.A.tasks[0].phase",
      params: { value: "technish", options: "technisch, organisatorisch" },
      line: lineOf(s, "phase: technish"),
    }),
  ),
  edit(
    "invalid classification level",
    (d) => d.setIn(["classification", "activatesPlanFrom"], "hoog"),
    (s) => ({
      code: "shape.enum",
      path: "classification.activatesPlanFrom",
      params: { value: "hoog", options: "zwak, klein, groot, crisis" },
      line: lineOf(s, "activatesPlanFrom: hoog"),
    }),
  ),
  edit(
    "malformed duration",
    (d) => d.setIn(["paging", "ackTimeout"], "15 minuten"),
    (s) => ({
      code: "shape.format",
      path: "paging.ackTimeout",
      params: { format: "duration", value: "15 minuten" },
      line: lineOf(s, "ackTimeout: 15 minuten"),
    }),
  ),
  edit(
    "malformed phone number",
    (d) => d.setIn(["people", person("johan-maes"), "mobile"], "GSM Johan"),
    (s) => ({
      code: "shape.format",
      path: `people[${person("johan-maes")}].mobile`,
      params: { format: "phone", value: "GSM Johan" },
      line: lineOf(s, "mobile: GSM Johan"),
    }),
  ),
  edit(
    "malformed e-mail address",
    (d) =>
      d.setIn(
        ["people", person("pieter-declercq"), "email"],
        "pieter.declercq(at)zonnebeke-heide.be",
      ),
    (s) => ({
      code: "shape.format",
      path: `people[${person("pieter-declercq")}].email`,
      params: { format: "email", value: "pieter.declercq(at)zonnebeke-heide.be" },
      line: lineOf(s, "email: pieter.declercq(at)"),
    }),
  ),
  edit(
    "malformed helpdesk e-mail address",
    (d) => d.setIn(["suppliers", 0, "helpdesk", "email"], "helpdesk flandrix"),
    (s) => ({
      code: "shape.format",
      path: "suppliers[0].helpdesk.email",
      params: { format: "email", value: "helpdesk flandrix" },
      line: lineOf(s, "email: helpdesk flandrix"),
    }),
  ),
  edit(
    "malformed Slack user id",
    (d) => d.setIn(["people", person("bart-lannoo"), "slackUserId"], "bart.lannoo"),
    (s) => ({
      code: "shape.format",
      path: `people[${person("bart-lannoo")}].slackUserId`,
      params: { format: "slackUserId", value: "bart.lannoo" },
      line: lineOf(s, "slackUserId: bart.lannoo"),
    }),
  ),
  edit(
    "a Teams channel given by its name instead of its id",
    (d) => d.setIn(["chat", "teams", "channel"], "Crisisstaf"),
    (s) => ({
      code: "shape.format",
      path: "chat.teams.channel",
      params: { format: "teamsChannel", value: "Crisisstaf" },
      line: lineOf(s, "channel: Crisisstaf"),
    }),
  ),
  edit(
    "unknown time zone",
    (d) => d.setIn(["organisation", "timeZone"], "Europe/Zonnebeke"),
    (s) => ({
      code: "shape.format",
      path: "organisation.timeZone",
      params: { format: "timeZone", value: "Europe/Zonnebeke" },
      line: lineOf(s, "timeZone: Europe/Zonnebeke"),
    }),
  ),
  edit(
    "id with capitals and spaces",
    (d) => d.setIn(["fallbackLocations", 1, "id"], "Bibliotheek De Heidebloem"),
    (s) => ({
      code: "shape.format",
      path: "fallbackLocations[1].id",
      params: { format: "id", value: "Bibliotheek De Heidebloem" },
      line: lineOf(s, "id: Bibliotheek De Heidebloem"),
    }),
  ),
  edit(
    "missing required field (reported at its parent)",
    (d) => d.deleteIn(["functions", fn("financieel-directeur"), "holder"]),
    (s) => ({
      code: "shape.missing",
      path: `functions[${fn("financieel-directeur")}].holder`,
      params: { field: "holder" },
      line: lineOf(s, "- id: financieel-directeur"),
    }),
  ),
  edit(
    "missing top-level section",
    (d) => d.delete("review"),
    (s) => ({
      code: "shape.missing",
      path: "review",
      params: { field: "review" },
      line: lineOf(s, "format: 1"),
    }),
  ),
  edit(
    "empty service list",
    (d) => d.setIn(["situations", "B", "services"], d.createNode([])),
    (s) => ({
      code: "shape.tooFew",
      path: "situations.B.services",
      params: { minimum: 1 },
      line: lineOf(s, "services: []"),
    }),
  ),
  edit(
    "three classification levels instead of four",
    (d) => d.deleteIn(["classification", "levels", 3]),
    (s) => ({
      code: "shape.count",
      path: "classification.levels",
      params: { expected: 4 },
      line: lineOf(s, "levels:"),
    }),
  ),
  edit(
    "RTO of zero hours",
    (d) => d.setIn(["situations", "A", "services", 0, "rtoHours"], 0),
    (s) => ({
      code: "shape.number",
      path: "situations.A.services[0].rtoHours",
      params: { minimum: 0 },
      line: lineOf(s, "rtoHours: 0"),
    }),
  ),
  edit(
    "unsupported format version",
    (d) => d.set("format", 2),
    (s) => ({
      code: "shape.literal",
      path: "format",
      params: { expected: "1" },
      line: lineOf(s, "format: 2"),
    }),
  ),
  edit(
    "id longer than 64 characters",
    (d) => d.setIn(["suppliers", 0, "id"], "x".repeat(65)),
    (s) => ({
      code: "shape.other",
      path: "suppliers[0].id",
      line: lineOf(s, `id: ${"x".repeat(65)}`),
    }),
  ),
];

const BROKEN_LINE = "  coordinator: pieter: declercq";
const BROKEN = SAMPLE_TEXT.replace("  coordinator: pieter-declercq", BROKEN_LINE);

export const FILE_CASES: ProblemCase[] = [
  {
    name: "invalid YAML syntax",
    source: BROKEN,
    code: "yaml.syntax",
    path: "(plan)",
    params: { detail: "Nested mappings are not allowed in compact mappings" },
    line: lineOf(BROKEN, BROKEN_LINE),
    column: BROKEN_LINE.indexOf("pieter:") + 1,
  },
  {
    name: "key given twice",
    source: `${SAMPLE_TEXT}format: 1\n`,
    code: "yaml.syntax",
    path: "(plan)",
    params: { detail: "Map keys must be unique" },
    line: SAMPLE_TEXT.split("\n").length,
    column: 1,
  },
  { name: "empty file", source: "", code: "yaml.empty", path: "(plan)" },
  { name: "only comments", source: "# nog in te vullen\n", code: "yaml.empty", path: "(plan)" },
  {
    name: "a list instead of a mapping",
    source: "- zwak\n- klein\n",
    code: "yaml.empty",
    path: "(plan)",
  },
];
