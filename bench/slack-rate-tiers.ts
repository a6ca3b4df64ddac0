// Slack's per-method rate limits for the fake Slack (test/support/fake-slack.ts `rateLimit`), as
// Slack documents them (docs.slack.dev/apis/web-api/rate-limits; each method's tier as in Slack's
// own java-slack-sdk, MethodsRateLimits): "per API method per workspace per app", Tier 1 1+/min,
// Tier 2 20+/min, Tier 3 50+/min, Tier 4 100+/min, with bursts; chat.postMessage "one message per
// second per channel, short bursts allowed" within a workspace-wide limit.
//
// Modelled as token buckets: a tier's bucket holds one minute's quota and refills evenly over the
// minute (a burst may use the whole minute at once, then one call per 60/quota seconds);
// chat.postMessage has a bucket per channel (3 at once, then 1 per second) inside a workspace
// bucket of 600 a minute (Slack names no figure; "several hundred a minute" in its guidance). A
// call over its limit is answered 429 with Retry-After: the whole seconds until a token is back.

const TIERS: Record<string, number> = {
  "conversations.create": 20,
  "conversations.setTopic": 20,
  "conversations.setPurpose": 20,
  "conversations.list": 20,
  "pins.add": 20,
  "bookmarks.add": 20,
  "conversations.open": 50,
  "conversations.invite": 50,
  "conversations.info": 50,
  "conversations.history": 50,
  "conversations.join": 50,
  "chat.update": 50,
  "chat.delete": 50,
  "users.lookupByEmail": 50,
  "chat.postEphemeral": 100,
  "conversations.members": 100,
  "users.info": 100,
  "views.open": 100,
  "views.update": 100,
  "views.publish": 100,
  "files.getUploadURLExternal": 100,
  "files.completeUploadExternal": 100,
  "chat.getPermalink": 100,
};
/** Methods Slack lists in no tier here (auth.test is "special", ample): Tier 3. */
const DEFAULT_PER_MINUTE = 50;

class Bucket {
  private tokens: number;
  private at = performance.now();
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes a token: 0 when there was one, else the seconds until there is. */
  take(): number {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}

export class SlackRateTiers {
  private readonly buckets = new Map<string, Bucket>();
  /** Calls answered 429, per method. */
  readonly limited = new Map<string, number>();

  private bucket(key: string, capacity: number, perSecond: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Bucket(capacity, perSecond);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** FakeSlack.rateLimit: seconds to wait, or undefined when the call is within its limits. */
  readonly check = (method: string, body: Record<string, unknown>): number | undefined => {
    if (method === "auth.test") return undefined;
    let wait: number;
    if (method === "chat.postMessage") {
      wait = this.bucket(`chat.postMessage:${String(body.channel)}`, 3, 1).take();
      if (wait === 0) wait = this.bucket("chat.postMessage", 600, 10).take();
    } else {
      const perMinute = TIERS[method] ?? DEFAULT_PER_MINUTE;
      wait = this.bucket(method, perMinute, perMinute / 60).take();
    }
    if (wait === 0) return undefined;
    this.limited.set(method, (this.limited.get(method) ?? 0) + 1);
    return wait;
  };

  /** A quiet workspace again: every bucket full (incidents are rare; each one starts rested). */
  reset(): void {
    this.buckets.clear();
    this.limited.clear();
  }
}
