// An incoming text, as Ramp's provider-independent SMS handling takes it (README "SMS"). Kept
// here so the Twilio route does not depend on where that handling lives: the same shape as the
// generic POST /sms/inbound, to be replaced by an import of that type where both meet.
export interface InboundSms {
  /** The sender's number in international form (+32…). */
  from: string;
  /** The number (or Messaging Service) the text was sent to. */
  to?: string;
  body: string;
  /** The provider's id of the message (Twilio's MessageSid): the same on a redelivery. */
  providerId: string;
  receivedAt: Date;
}

/**
 * Handles one text: stores it (a text with a MessageSid seen before is not run again) and queues
 * the reply in the outbox. Throws when the text could not be stored. Its result is not used here.
 */
export type InboundSmsHandler = (sms: InboundSms) => Promise<unknown>;
