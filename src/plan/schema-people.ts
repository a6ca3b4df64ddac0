// The plan's people and their crisis functions (holder and alternates), the meeting places and
// the fallback locations (uitwijklocaties).
import { z } from "zod";
import { id, phone, text } from "./schema-fields.ts";

export const person = z
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

export const crisisFunction = z
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

export const place = z
  .object({
    name: text,
    address: text,
    room: text.optional(),
    contact: id.optional(),
    phone: phone.optional(),
    directions: text.optional(),
  })
  .strict();

export const fallbackLocation = z
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
