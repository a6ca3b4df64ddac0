// X-Twilio-Signature as Twilio documents it: checked against the example of Twilio's webhook
// security guide (the vector twilio-node's own tests use), the URL variants Twilio signs, and
// everything a forger could change.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  twilioSignature,
  validTwilioSignature,
} from "../../../src/adapters/sms/twilio/signature.ts";
import { signAsTwilio } from "../../support/fake-twilio.ts";

// Twilio's documented example (twilio-node spec/validation.spec.js): Auth Token 12345.
const TOKEN = "12345";
const URL_SIGNED = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS = {
  CallSid: "CA1234567890ABCDE",
  Caller: "+14158675309",
  Digits: "1234",
  From: "+14158675309",
  To: "+18005551212",
};
const DOCUMENTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

describe("X-Twilio-Signature", () => {
  it("computes and accepts the signature of Twilio's documented example", () => {
    expect(twilioSignature(TOKEN, URL_SIGNED, PARAMS)).toBe(DOCUMENTED);
    expect(validTwilioSignature(TOKEN, DOCUMENTED, URL_SIGNED, PARAMS)).toBe(true);
    // The fake Twilio signs the same way, independently.
    expect(signAsTwilio(TOKEN, URL_SIGNED, PARAMS)).toBe(DOCUMENTED);
  });

  it("refuses a signature when anything signed differs, or none is given", () => {
    expect(validTwilioSignature(TOKEN, undefined, URL_SIGNED, PARAMS)).toBe(false);
    expect(validTwilioSignature(TOKEN, "", URL_SIGNED, PARAMS)).toBe(false);
    expect(validTwilioSignature(TOKEN, "WRONG_SIGNATURE", URL_SIGNED, PARAMS)).toBe(false);
    expect(validTwilioSignature("54321", DOCUMENTED, URL_SIGNED, PARAMS)).toBe(false);
    expect(validTwilioSignature(TOKEN, DOCUMENTED, `${URL_SIGNED}&baz=3`, PARAMS)).toBe(false);
    expect(
      validTwilioSignature(
        TOKEN,
        DOCUMENTED,
        "https://mycompany.com/other.php?foo=1&bar=2",
        PARAMS,
      ),
    ).toBe(false);
    expect(validTwilioSignature(TOKEN, DOCUMENTED, URL_SIGNED, { ...PARAMS, Digits: "9999" })).toBe(
      false,
    );
    expect(validTwilioSignature(TOKEN, DOCUMENTED, URL_SIGNED, { ...PARAMS, Extra: "1" })).toBe(
      false,
    );
    const { Digits: _, ...withoutDigits } = PARAMS;
    expect(validTwilioSignature(TOKEN, DOCUMENTED, URL_SIGNED, withoutDigits)).toBe(false);
    expect(validTwilioSignature(TOKEN, DOCUMENTED, "not a url", PARAMS)).toBe(false);
  });

  it("accepts the URL with or without its port, as Twilio signs either (twilio-node's cases)", () => {
    // https with a port: the port is stripped (Twilio's example, port 1234).
    expect(
      validTwilioSignature(
        TOKEN,
        DOCUMENTED,
        "https://mycompany.com:1234/myapp.php?foo=1&bar=2",
        PARAMS,
      ),
    ).toBe(true);
    // http with a port, signed with that port (twilio-node: "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=").
    expect(
      validTwilioSignature(
        TOKEN,
        "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=",
        "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
        PARAMS,
      ),
    ).toBe(true);
    const token = "s3cr3t";
    const withPort = "https://example.com:443/path?test=param";
    const withoutPort = "https://example.com/path?test=param";
    for (const [signed, received] of [
      [withPort, withPort],
      [withPort, withoutPort],
      [withoutPort, withoutPort],
      [withoutPort, withPort],
    ] as const) {
      expect(validTwilioSignature(token, twilioSignature(token, signed, {}), received, {})).toBe(
        true,
      );
    }
    expect(
      validTwilioSignature(
        token,
        twilioSignature(token, "https://example.com/path?test=param", {}),
        "https://example.com/path?test=param2",
        {},
      ),
    ).toBe(false);
  });

  it("accepts a query string with a quote escaped or not (twilio-node's legacy query string)", () => {
    const token = "s3cr3t";
    const plain = "https://example.com/path?test=param'WithQuote";
    const escaped = "https://example.com/path?test=param%27WithQuote";
    for (const [signed, received] of [
      [plain, plain],
      [plain, escaped],
      [escaped, plain],
      [escaped, escaped],
    ] as const) {
      expect(validTwilioSignature(token, twilioSignature(token, signed, {}), received, {})).toBe(
        true,
      );
    }
  });

  it("signs a parameter given twice with each value, sorted", () => {
    const expected = createHmac("sha1", "t")
      .update("https://r.be/in" + "Bodyx" + "Mediaa" + "Mediab")
      .digest("base64");
    expect(twilioSignature("t", "https://r.be/in", { Media: ["b", "a"], Body: "x" })).toBe(
      expected,
    );
  });
});
