// An incoming text as Ramp's provider-independent SMS handling (../inbound.ts) takes it, and the
// handler's shape as the Twilio route calls it.
export type { InboundSms } from "../inbound.ts";

import type { InboundSms } from "../inbound.ts";

/**
 * Handles one text: stores it (a text with a MessageSid seen before is not run again) and queues
 * the reply in the outbox. Throws when the text could not be stored. Its result is not used here.
 */
export type InboundSmsHandler = (sms: InboundSms) => Promise<unknown>;
