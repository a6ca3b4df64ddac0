// The crisis plan as a file: the zod schema of the YAML format.
// Structure follows the seed documents: the DRP template (holders of the plan,
// communication officer, coordinator, crisis staff, contactadres, uitwijklocaties,
// situations A and B with priority lists and task lists, suppliers and SLAs) and
// the incident management plan (classification, essential activities with RTO,
// contact lists with an alternate for every function, post-incident review).
// Shape is checked here; references between sections are checked in cross-check.ts.
import { z } from "zod";
import { practiceSchema } from "./practice-schema.ts";
import {
  CLASSIFICATIONS,
  cadence,
  duration,
  id,
  LOCALES,
  type SITUATIONS,
  text,
  timeZone,
} from "./schema-fields.ts";
import { crisisFunction, fallbackLocation, person, place } from "./schema-people.ts";
import {
  checklistItem,
  classificationLevel,
  reviewSection,
  scenario,
  supplier,
} from "./schema-sections.ts";
import { situation } from "./schema-situations.ts";

export {
  CLASSIFICATIONS,
  LOCALES,
  PHASES,
  SITUATIONS,
  SUPPLIER_KINDS,
} from "./schema-fields.ts";

export const planSchema = z
  .object({
    /** Version of the file format, so later releases can read older plans. */
    format: z.literal(1),
    organisation: z
      .object({
        id,
        name: text,
        locale: z.enum(LOCALES).default("nl"),
        timeZone: timeZone.default("Europe/Brussels"),
        sites: z.array(z.object({ id, name: text, address: text }).strict()).default([]),
      })
      .strict(),
    document: z
      .object({
        title: text,
        version: text,
        approved: text.optional(),
        revisions: z
          .array(z.object({ version: text, date: text, changes: z.array(text) }).strict())
          .default([]),
      })
      .strict(),
    people: z.array(person).min(1),
    functions: z.array(crisisFunction).min(1),
    coordination: z
      .object({
        coordinator: id,
        deputies: z.array(id).default([]),
        communicationOfficer: id,
        /** Functions paged when the plan is activated. */
        crisisStaff: z.array(id),
        /** People who keep a copy of the plan outside the building. */
        planHolders: z.array(id).default([]),
      })
      .strict(),
    meeting: z
      .object({
        primary: place,
        fallback: place,
        /** How soon after the page the crisis staff should be at the meeting address. */
        arriveWithin: duration.default("1h"),
      })
      .strict(),
    fallbackLocations: z.array(fallbackLocation).min(1),
    classification: z
      .object({
        levels: z.array(classificationLevel).length(4),
        /** Lowest level that activates the plan. */
        activatesPlanFrom: z.enum(CLASSIFICATIONS),
      })
      .strict(),
    /** The holders' own copies of the plan (issue 15). */
    copies: z
      .object({
        /** A holder who has not confirmed a copy ("Ontvangen") within this time is reminded, again each term. */
        confirmWithin: duration.default("7d"),
      })
      .strict()
      .default({}),
    /** Contact data that stays true (issue 15): everyone confirms their own details on this cadence. */
    contacts: z
      .object({
        /** "Klopt dit nog?": how often each person is asked to confirm their contact details. */
        confirmEvery: cadence.default("6mo"),
        /** Someone who has not answered "Klopt dit nog?" within this time is reminded, again each time it passes. */
        remindAfter: duration.default("7d"),
      })
      .strict()
      .default({}),
    /** Incident plan steps 3 and 5: what to check on activation and do on deactivation. */
    checklists: z
      .object({
        activation: z.array(checklistItem).default([]),
        deactivation: z.array(checklistItem).default([]),
      })
      .strict()
      .optional(),
    situations: z.object({ A: situation, B: situation }).strict(),
    paging: z
      .object({
        /** No answer within this time pages the function's next alternate. */
        ackTimeout: duration.default("15m"),
      })
      .strict()
      .default({}),
    reminders: z
      .object({
        /** Before each deadline, the owner is reminded at these lead times. */
        leadTimes: z.array(duration).min(1).default(["24h", "4h", "1h"]),
        /** Also post reminders and escalations in the incident channel. */
        inChannel: z.boolean().default(true),
      })
      .strict()
      .default({}),
    chat: z
      .object({
        slack: z
          .object({
            /** A fixed channel id to use instead of creating one per incident. */
            channel: z
              .string()
              .regex(/^[CG][A-Z0-9]{2,}$/, { message: "slackChannel" })
              .optional(),
            /**
             * Where an incident is followed when Slack refuses to create its channel (the app may
             * not, or the workspace forbids it): a public channel (Ramp posts with
             * chat:write.public) or a private one Ramp was added to. Without it, the
             * coordinator's direct messages with Ramp.
             */
            fallbackChannel: z
              .string()
              .regex(/^[CG][A-Z0-9]{2,}$/, { message: "slackChannel" })
              .optional(),
            channelPrefix: id.default("ramp"),
            /**
             * A created incident channel is private (only the crisis staff sees it): the plan
             * calls itself "uiterst vertrouwelijk", and incidents may concern personal data.
             */
            private: z.boolean().default(true),
          })
          .strict()
          .default({}),
        teams: z
          .object({
            /**
             * The crisis team's channel: incident cards and notices go only there. Without it,
             * the first team channel or group chat Ramp is installed in (or used in) is taken.
             */
            channel: z
              .string()
              .regex(/^19:[^\s;/]+@thread\.(?:tacv2|skype|v2)$/, { message: "teamsChannel" })
              .optional(),
          })
          .strict()
          .default({}),
      })
      .strict()
      .default({}),
    suppliers: z.array(supplier).default([]),
    /** How often the plan is tested and exercised (reachability tests, exercises). */
    practice: practiceSchema,
    review: z.object({ sections: z.array(reviewSection).min(1) }).strict(),
    /** Exercises to play (oefeningen), each with its timed injects. */
    scenarios: z.array(scenario).default([]),
  })
  .strict();

export type PlanInput = z.input<typeof planSchema>;
export type Plan = z.output<typeof planSchema>;
export type Person = Plan["people"][number];
export type CrisisFunction = Plan["functions"][number];
export type Situation = Plan["situations"]["A"];
export type SituationId = (typeof SITUATIONS)[number];
export type PlanService = Situation["services"][number];
export type PlanTask = Situation["tasks"][number];
export type Classification = (typeof CLASSIFICATIONS)[number];
export type FallbackLocation = Plan["fallbackLocations"][number];
export type Supplier = Plan["suppliers"][number];
export type Locale = (typeof LOCALES)[number];
export type Scenario = Plan["scenarios"][number];
export type Inject = Scenario["injects"][number];
/** Where an inject goes besides a function id: the coordinator, or the exercise's channel. */
export const INJECT_TARGETS = ["coordinator", "channel"] as const;
