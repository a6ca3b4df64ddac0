// The crisis plan as a file: the zod schema of the YAML format.
// Structure follows the seed documents: the DRP template (holders of the plan,
// communication officer, coordinator, crisis staff, contactadres, uitwijklocaties,
// situations A and B with priority lists and task lists, suppliers and SLAs) and
// the incident management plan (classification, essential activities with RTO,
// contact lists with an alternate for every function, post-incident review).
// Shape is checked here; references between sections are checked in cross-check.ts.
import { z } from "zod";
import { parseDurationMinutes } from "./duration.ts";
import { practiceSchema } from "./practice-schema.ts";

/** Ids are written by plan authors and appear in commands and card buttons. */
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "id" })
  .max(64, { message: "id" });

const text = z.string().trim().min(1);

const duration = z.string().transform((value, ctx) => {
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { problem: "duration", value } });
    return z.NEVER;
  }
  return minutes;
});

/** A cadence: "6mo" (calendar months) or any duration ("180d"). */
const cadence = z.string().transform((value, ctx) => {
  const months = /^\s*(\d+)mo\s*$/.exec(value);
  if (months && Number(months[1]) > 0) return { months: Number(months[1]), minutes: 0 };
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined || minutes === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { problem: "duration", value } });
    return z.NEVER;
  }
  return { months: 0, minutes };
});

const phone = z.string().regex(/^\+?[0-9][0-9 ./-]{5,}$/, { message: "phone" });

export const LOCALES = ["nl", "en"] as const;
export const CLASSIFICATIONS = ["zwak", "klein", "groot", "crisis"] as const;
export const SITUATIONS = ["A", "B"] as const;
export const PHASES = ["technisch", "organisatorisch"] as const;
export const SUPPLIER_KINDS = ["serviceprovider", "ict", "verzekering", "overig"] as const;

const timeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { params: { problem: "timeZone" } },
);

const person = z
  .object({
    id,
    name: text,
    /** Job title as the organisation says it, e.g. "Diensthoofd Sociale Dienst". */
    title: text.optional(),
    organisation: text.optional(),
    mobile: phone.optional(),
    phone: phone.optional(),
    email: z.string().email({ message: "email" }).optional(),
    slackUserId: z
      .string()
      .regex(/^[UW][A-Z0-9]{2,}$/, { message: "slackUserId" })
      .optional(),
    /** Entra object id (GUID) or user principal name. */
    teamsUserId: z
      .string()
      .regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^@\s]+@[^@\s]+)$/i, {
        message: "teamsUserId",
      })
      .optional(),
    /** Fastest way to reach this person, in the plan's words ("GSM", "Teams"). */
    preferredContact: text.optional(),
  })
  .strict();

const crisisFunction = z
  .object({
    id,
    name: text,
    /** The reference person for this function. */
    holder: id,
    /** Who takes over, in order, when the holder does not answer or cannot come. */
    alternates: z.array(id),
    /** What this function does in a crisis (incident plan contact list, column "Actie"). */
    action: text.optional(),
  })
  .strict();

const place = z
  .object({
    name: text,
    address: text,
    room: text.optional(),
    contact: id.optional(),
    phone: phone.optional(),
    directions: text.optional(),
  })
  .strict();

const fallbackLocation = z
  .object({
    id,
    name: text,
    address: text,
    phone: phone.optional(),
    contact: id.optional(),
    /** Number of staff the location can seat. */
    capacity: z.number().int().positive(),
    facilities: z.array(text).default([]),
    /** Estimated period of use, e.g. "ongeveer 4 weken". */
    expectedUse: text.optional(),
  })
  .strict();

const service = z
  .object({
    id,
    name: text,
    /** Recovery time objective: hours after the declaration by which the service runs again. */
    rtoHours: z.number().positive(),
    /** Functions whose holders are key staff for this service (incident plan, "Sleutelpersoneel"). */
    keyStaff: z.array(id).default([]),
    notes: text.optional(),
  })
  .strict();

const task = z
  .object({
    id,
    phase: z.enum(PHASES),
    title: text,
    description: text.optional(),
    /** The function that usually owns the task. */
    owner: id,
    /** The priority service this task restores; its RTO gives the deadline. */
    service: id.optional(),
    /** Own deadline in hours after the declaration; overrides the service RTO. */
    deadlineHours: z.number().positive().optional(),
    /**
     * The same work in the other situation (its task id): when the decision changes between
     * A and B, this task carries over with its owner and state instead of being cancelled.
     */
    sameAs: id.optional(),
  })
  .strict();

const situation = z
  .object({
    name: text,
    /** Target for basic services, hours after the declaration (A: 72, B: 48 in the template). */
    targetHours: z.number().positive(),
    /** Priority-ordered: the first service is restored first. */
    services: z.array(service).min(1),
    tasks: z.array(task).min(1),
  })
  .strict();

const supplier = z
  .object({
    id,
    kind: z.enum(SUPPLIER_KINDS),
    /** What they provide, e.g. "Internet (+ KSZ)", "Firewall", "Brandverzekering". */
    service: text,
    name: text,
    helpdesk: z
      .object({
        phone: phone.optional(),
        email: z.string().email({ message: "email" }).optional(),
        hours: text.optional(),
      })
      .strict()
      .optional(),
    accountManager: z
      .object({
        name: text,
        phone: phone.optional(),
        email: z.string().email({ message: "email" }).optional(),
      })
      .strict()
      .optional(),
    contract: text.optional(),
    reference: text.optional(),
    sla: text.optional(),
    /** Guaranteed repair time in hours, when the SLA states one. */
    slaHours: z.number().positive().optional(),
  })
  .strict();

const reviewQuestion = z
  .object({
    id,
    text,
    /** For multiple-choice questions (e.g. "Voor geen van de activiteiten" …). */
    options: z.array(text).optional(),
  })
  .strict();

const reviewSection = z
  .object({ id, title: text, questions: z.array(reviewQuestion).min(1) })
  .strict();

/**
 * A turn in an exercise's scenario: at `at` after the start, `text` goes to a function's holder
 * (by function id), the coordinator, or the exercise's channel.
 */
const inject = z.object({ at: duration, to: id, text }).strict();

/** An exercise to play (`/ramp oefening start <id>`): how it starts, and its injects. */
const scenario = z
  .object({
    id,
    title: text,
    /** What is "declared" when the exercise starts, as a coordinator would say it. */
    description: text,
    classification: z.enum(CLASSIFICATIONS),
    injects: z.array(inject).default([]),
  })
  .strict();

/** One line of the incident plan's activation or deactivation table: action, function, reference. */
const checklistItem = z
  .object({ action: text, function: id.optional(), reference: text.optional() })
  .strict();

const classificationLevel = z
  .object({ id: z.enum(CLASSIFICATIONS), name: text, description: text })
  .strict();

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
