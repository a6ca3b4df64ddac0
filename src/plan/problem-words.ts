// Words for plan problems: type names, formats and id kinds, in Dutch and English.
export const TYPE_NL: Record<string, string> = {
  string: "tekst",
  number: "getal",
  integer: "geheel getal",
  float: "kommagetal",
  boolean: "true/false",
  array: "lijst",
  object: "object (velden)",
  null: "lege waarde",
};
export const typeNl = (name: string | number | undefined) => TYPE_NL[String(name)] ?? String(name);

export type FormatName =
  | "id"
  | "phone"
  | "email"
  | "slackUserId"
  | "teamsUserId"
  | "slackChannel"
  | "teamsChannel"
  | "duration"
  | "timeZone"
  | "clockTime";
export const FORMAT_NL: Record<FormatName, string> = {
  id: "id",
  phone: "telefoonnummer",
  email: "e-mailadres",
  slackUserId: "Slack-gebruikers-id",
  teamsUserId: "Teams-identiteit",
  slackChannel: "Slack-kanaal-id",
  teamsChannel: "Teams-kanaal-id",
  duration: "duur",
  timeZone: "tijdzone",
  clockTime: "uur",
};
export const FORMAT_EN: Record<FormatName, string> = {
  id: "id",
  phone: "phone number",
  email: "e-mail address",
  slackUserId: "Slack user id",
  teamsUserId: "Teams identity",
  slackChannel: "Slack channel id",
  teamsChannel: "Teams channel id",
  duration: "duration",
  timeZone: "time zone",
  clockTime: "time of day",
};
export const FORMAT_HINT_NL: Record<FormatName, string> = {
  id: "Gebruik kleine letters, cijfers en koppeltekens, bv. sociale-dienst.",
  phone: "Schrijf het nummer met cijfers, bv. +32 470 12 34 56.",
  email: "Bv. naam@ocmw.be.",
  slackUserId: "Kopieer de id uit het Slack-profiel (Meer → Lid-ID kopiëren), bv. U0123ABCD.",
  teamsUserId: "Gebruik het Entra-object-id (GUID) of de UPN, bv. naam@gemeente.be.",
  slackChannel: "Kopieer de kanaal-id uit de kanaalgegevens, bv. C0123ABCD.",
  teamsChannel:
    "Kopieer de koppeling naar het kanaal (… → Koppeling naar kanaal ophalen); de id staat erin, bv. 19:abc123@thread.tacv2.",
  duration: "Schrijf een duur als 15m, 4h, 1h30m of 2d.",
  timeZone: "Gebruik een IANA-tijdzone, bv. Europe/Brussels.",
  clockTime: 'Schrijf een uur als UU:MM tussen aanhalingstekens, bv. "09:00".',
};
export const FORMAT_HINT_EN: Record<FormatName, string> = {
  id: "Use lower-case letters, digits and hyphens, e.g. sociale-dienst.",
  phone: "Write the number in digits, e.g. +32 470 12 34 56.",
  email: "E.g. name@ocmw.be.",
  slackUserId: "Copy the id from the Slack profile (More → Copy member ID), e.g. U0123ABCD.",
  teamsUserId: "Use the Entra object id (GUID) or the UPN, e.g. name@municipality.be.",
  slackChannel: "Copy the channel id from the channel details, e.g. C0123ABCD.",
  teamsChannel:
    "Copy the link to the channel (… → Get link to channel); the id is in it, e.g. 19:abc123@thread.tacv2.",
  duration: "Write a duration as 15m, 4h, 1h30m or 2d.",
  timeZone: "Use an IANA time zone, e.g. Europe/Brussels.",
  clockTime: 'Write a time as HH:MM in quotes, e.g. "09:00".',
};

export type IdKind =
  | "person"
  | "function"
  | "service"
  | "task"
  | "location"
  | "supplier"
  | "section"
  | "question"
  | "site"
  | "scenario";
export const KIND_NL: Record<IdKind, string> = {
  person: "persoons",
  function: "functie",
  service: "dienst",
  task: "taak",
  location: "locatie",
  supplier: "leverancier",
  section: "sectie",
  question: "vraag",
  site: "vestigings",
  scenario: "scenario",
};
