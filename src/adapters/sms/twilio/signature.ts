// X-Twilio-Signature, as Twilio documents it (twilio.com/docs/usage/webhooks/webhooks-security)
// and as twilio-node's validateRequest checks it: base64 HMAC-SHA1, keyed with the account's Auth
// Token, over the full webhook URL followed by every POST parameter's name and value, sorted by
// name. Twilio is not consistent about the URL it signs (with or without the default port, query
// strings escaped one way or another), so the same variants as twilio-node are tried.
import { createHmac, timingSafeEqual } from "node:crypto";
import { parse, stringify } from "node:querystring";

/** Form parameters as posted: a name given twice keeps both values. */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + paramText(name, params[name] ?? ""), url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/** A repeated parameter: each distinct value once, sorted, each after the name (as twilio-node). */
function paramText(name: string, value: string | readonly string[]): string {
  if (typeof value === "string") return name + value;
  return [...new Set(value)]
    .sort()
    .map((one) => name + one)
    .join("");
}

/** True when `signature` is Twilio's for this URL and these parameters; compared in constant time. */
export function validTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: TwilioParams,
): boolean {
  if (!signature) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const withoutPort = removePort(parsed);
  const withPort = addPort(parsed);
  const candidates = [
    withoutPort,
    withPort,
    legacyQuerystring(withoutPort),
    legacyQuerystring(withPort),
  ];
  // Every candidate is computed and compared, so the time taken says nothing about which matched.
  let valid = false;
  for (const candidate of candidates) {
    if (sameText(signature, twilioSignature(authToken, candidate, params))) valid = true;
  }
  return valid;
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function removePort(url: URL): string {
  const copy = new URL(url);
  copy.port = "";
  return copy.toString();
}

/** The URL with its port written out, the scheme's default one if none is given. */
function addPort(url: URL): string {
  if (url.port) return url.toString();
  const port = url.protocol === "https:" ? "443" : "80";
  const credentials = url.username
    ? `${url.username}${url.password ? `:${url.password}` : ""}@`
    : "";
  return `${url.protocol}//${credentials}${url.host}:${port}${url.pathname}${url.search}${url.hash}`;
}

/** The query string escaped the way older Twilio signers (Node's querystring) did. */
function legacyQuerystring(url: string): string {
  const parsed = new URL(url);
  if (!parsed.search) return url;
  const query = stringify(parse(parsed.search.slice(1)));
  parsed.search = "";
  return `${parsed.toString()}?${query}`;
}
