// Checks a Slack message or modal against Slack's documented Block Kit limits (docs.slack.dev,
// "Block Kit" reference: blocks, block elements, composition objects, views) and against how
// Ramp must write text: plan and user text escaped in mrkdwn (no raw `<` that is not a link or
// mention, no bare `&`), never escaped in plain_text, never cut inside a surrogate pair.
// The fake Slack Web API runs it on every payload Ramp sends; unit tests call it directly.

type Json = Record<string, unknown>;

/** Slack's limits, in characters (UTF-16 units, as JavaScript counts). */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  /** A message's `text`: Slack truncates beyond 40,000 (and recommends at most 4,000). */
  messageText: 40_000,
  blockId: 255,
  actionId: 255,
  callbackId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  radioOptions: 10,
  checkboxOptions: 10,
  textInputMax: 3000,
  imageAltText: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** Links and mentions Slack reads in mrkdwn: users, channels, special mentions, URLs. */
const VALID_ANGLE =
  /^<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+|![a-z]+(?:\^[^|>]*)?|(?:https?|mailto|tel|slack):[^\s|<>]+)(?:\|[^<>]*)?>$/;
const ENTITY = /^&(?:amp|lt|gt);/;

class Checker {
  readonly problems: string[] = [];
  private readonly actionIds = new Map<string, string>();
  private readonly blockIds = new Set<string>();
  /** The block being checked: in a modal an action id is unique within its block. */
  private currentBlock = "";

  /**
   * `actionIdsPerBlock`: Slack wants action ids unique within their block; Ramp's messages keep
   * them unique within the whole message (a click is routed by its action id alone).
   */
  constructor(private readonly actionIdsPerBlock = false) {}

  fail(where: string, what: string): void {
    this.problems.push(`${where}: ${what}`);
  }

  maxLength(where: string, value: unknown, max: number): void {
    if (typeof value === "string" && value.length > max)
      this.fail(where, `${value.length} characters, Slack allows ${max}`);
  }

  /** No half of an emoji: a surrogate without its partner means a cut in the wrong place. */
  wholeCharacters(where: string, text: string): void {
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
      this.fail(where, `cut inside a character (lone surrogate): ${JSON.stringify(text)}`);
  }

  /** Text Slack reads as mrkdwn (mrkdwn objects and a message's `text`). */
  mrkdwn(where: string, text: string): void {
    this.wholeCharacters(where, text);
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "&" && !ENTITY.test(text.slice(i))) {
        this.fail(where, `bare "&" (escape as &amp;; or a cut entity) in ${JSON.stringify(text)}`);
      } else if (c === "<") {
        const end = text.indexOf(">", i);
        const candidate = end < 0 ? "" : text.slice(i, end + 1);
        if (!VALID_ANGLE.test(candidate))
          this.fail(where, `raw "<" that is no link or mention in ${JSON.stringify(text)}`);
        // One problem per bad tag: its ">" is not reported again.
        if (end >= 0) i = end;
      } else if (c === ">") {
        this.fail(where, `raw ">" (escape as &gt;) in ${JSON.stringify(text)}`);
      }
    }
  }

  /** A plain_text object: shown as written, so never escaped (an `&amp;` would show as such). */
  plainText(where: string, value: unknown, max: number): void {
    const obj = value as Json | undefined;
    if (obj?.type !== "plain_text") {
      this.fail(where, `must be a plain_text object, got ${JSON.stringify(value)}`);
      return;
    }
    this.textObject(where, obj, max);
  }

  textObject(where: string, value: unknown, max: number): void {
    const obj = value as Json | undefined;
    if (!obj || (obj.type !== "plain_text" && obj.type !== "mrkdwn")) {
      this.fail(where, `must be a text object, got ${JSON.stringify(value)}`);
      return;
    }
    const text = obj.text;
    if (typeof text !== "string" || text.length === 0) {
      this.fail(where, "text object without text");
      return;
    }
    this.maxLength(where, text, max);
    if (obj.type === "mrkdwn") {
      if ("emoji" in obj) this.fail(where, "emoji is only for plain_text");
      this.mrkdwn(where, text);
    } else {
      if ("verbatim" in obj) this.fail(where, "verbatim is only for mrkdwn");
      this.wholeCharacters(where, text);
      if (/&(?:amp|lt|gt);/.test(text))
        this.fail(where, `escaped text in plain_text (shows as written): ${JSON.stringify(text)}`);
    }
  }

  blockId(where: string, block: Json): void {
    if (block.block_id === undefined) return;
    const id = String(block.block_id);
    this.maxLength(`${where}.block_id`, id, SLACK_LIMITS.blockId);
    if (this.blockIds.has(id)) this.fail(`${where}.block_id`, `"${id}" is used twice`);
    this.blockIds.add(id);
  }

  actionId(where: string, element: Json): void {
    if (element.action_id === undefined) return;
    const id = String(element.action_id);
    this.maxLength(`${where}.action_id`, id, SLACK_LIMITS.actionId);
    const key = this.actionIdsPerBlock ? `${this.currentBlock}\u0000${id}` : id;
    const first = this.actionIds.get(key);
    if (first) this.fail(`${where}.action_id`, `"${id}" is used twice (first at ${first})`);
    else this.actionIds.set(key, where);
  }

  confirm(where: string, value: unknown): void {
    const c = value as Json;
    if (!c || typeof c !== "object") {
      this.fail(where, "confirm must be an object");
      return;
    }
    this.plainText(`${where}.title`, c.title, SLACK_LIMITS.confirmTitle);
    this.textObject(`${where}.text`, c.text, SLACK_LIMITS.confirmText);
    this.plainText(`${where}.confirm`, c.confirm, SLACK_LIMITS.confirmButton);
    this.plainText(`${where}.deny`, c.deny, SLACK_LIMITS.confirmButton);
    if (c.style !== undefined && c.style !== "primary" && c.style !== "danger")
      this.fail(`${where}.style`, `must be primary or danger, got ${String(c.style)}`);
  }

  option(where: string, value: unknown, plainOnly: boolean): void {
    const o = value as Json;
    if (plainOnly) this.plainText(`${where}.text`, o?.text, SLACK_LIMITS.optionText);
    else this.textObject(`${where}.text`, o?.text, SLACK_LIMITS.optionText);
    if (typeof o?.value !== "string" || o.value === "") this.fail(`${where}.value`, "missing");
    this.maxLength(`${where}.value`, o?.value, SLACK_LIMITS.optionValue);
    if (o?.description !== undefined)
      this.textObject(`${where}.description`, o.description, SLACK_LIMITS.optionDescription);
  }

  options(where: string, element: Json, max: number, plainOnly: boolean): void {
    const list = element.options;
    if (!Array.isArray(list) || list.length === 0) {
      this.fail(where, "options missing");
      return;
    }
    if (list.length > max) this.fail(where, `${list.length} options, Slack allows ${max}`);
    for (const [i, o] of list.entries()) this.option(`${where}.options[${i}]`, o, plainOnly);
    const values = list.map((o) => (o as Json).value);
    if (new Set(values).size !== values.length) this.fail(where, "two options share a value");
    const initial = element.initial_option as Json | undefined;
    if (initial && !values.includes(initial.value))
      this.fail(`${where}.initial_option`, `"${String(initial.value)}" is not one of the options`);
  }

  element(where: string, value: unknown): void {
    const e = value as Json;
    this.actionId(where, e);
    if (e.confirm !== undefined) this.confirm(`${where}.confirm`, e.confirm);
    switch (e.type) {
      case "button":
        this.plainText(`${where}.text`, e.text, SLACK_LIMITS.buttonText);
        this.maxLength(`${where}.value`, e.value, SLACK_LIMITS.buttonValue);
        this.maxLength(`${where}.url`, e.url, SLACK_LIMITS.url);
        if (e.style !== undefined && e.style !== "primary" && e.style !== "danger")
          this.fail(`${where}.style`, `must be primary or danger, got ${String(e.style)}`);
        return;
      case "static_select":
        if (e.placeholder !== undefined)
          this.plainText(`${where}.placeholder`, e.placeholder, SLACK_LIMITS.placeholder);
        this.options(where, e, SLACK_LIMITS.selectOptions, true);
        return;
      case "radio_buttons":
        this.options(where, e, SLACK_LIMITS.radioOptions, false);
        return;
      case "checkboxes":
        this.options(where, e, SLACK_LIMITS.checkboxOptions, false);
        return;
      case "plain_text_input":
        if (e.placeholder !== undefined)
          this.plainText(`${where}.placeholder`, e.placeholder, SLACK_LIMITS.placeholder);
        if (typeof e.max_length === "number" && e.max_length > SLACK_LIMITS.textInputMax)
          this.fail(`${where}.max_length`, `Slack allows at most ${SLACK_LIMITS.textInputMax}`);
        if (typeof e.initial_value === "string") {
          this.wholeCharacters(`${where}.initial_value`, e.initial_value);
          const max = typeof e.max_length === "number" ? e.max_length : SLACK_LIMITS.textInputMax;
          this.maxLength(`${where}.initial_value`, e.initial_value, max);
        }
        return;
      case "image":
        this.maxLength(`${where}.image_url`, e.image_url, SLACK_LIMITS.url);
        this.maxLength(`${where}.alt_text`, e.alt_text, SLACK_LIMITS.imageAltText);
        return;
      default:
        this.fail(where, `element type ${String(e.type)} is not checked here`);
        return;
    }
  }

  block(where: string, value: unknown, inModal: boolean): void {
    const b = value as Json;
    this.blockId(where, b);
    this.currentBlock = b.block_id === undefined ? where : String(b.block_id);
    switch (b.type) {
      case "section": {
        if (b.text === undefined && b.fields === undefined)
          this.fail(where, "a section needs text or fields");
        if (b.text !== undefined)
          this.textObject(`${where}.text`, b.text, SLACK_LIMITS.sectionText);
        if (b.fields !== undefined) {
          const fields = b.fields as unknown[];
          if (fields.length > SLACK_LIMITS.sectionFields)
            this.fail(`${where}.fields`, `${fields.length} fields, Slack allows 10`);
          for (const [i, f] of fields.entries())
            this.textObject(`${where}.fields[${i}]`, f, SLACK_LIMITS.sectionField);
        }
        if (b.accessory !== undefined) this.element(`${where}.accessory`, b.accessory);
        return;
      }
      case "header":
        this.plainText(`${where}.text`, b.text, SLACK_LIMITS.header);
        return;
      case "context": {
        const elements = b.elements as unknown[] | undefined;
        if (!elements?.length) {
          this.fail(where, "a context needs elements");
          return;
        }
        if (elements.length > SLACK_LIMITS.contextElements)
          this.fail(where, `${elements.length} elements, Slack allows 10`);
        elements.forEach((e, i) => {
          const at = `${where}.elements[${i}]`;
          if ((e as Json).type === "image") this.element(at, e);
          else this.textObject(at, e, SLACK_LIMITS.sectionText);
        });
        return;
      }
      case "actions": {
        const elements = b.elements as unknown[] | undefined;
        if (!elements?.length) {
          this.fail(where, "an actions block needs elements");
          return;
        }
        if (elements.length > SLACK_LIMITS.actionsElements)
          this.fail(where, `${elements.length} elements, Slack allows 25`);
        for (const [i, e] of elements.entries()) this.element(`${where}.elements[${i}]`, e);
        return;
      }
      case "input":
        if (!inModal) this.fail(where, "input blocks belong in modals");
        this.plainText(`${where}.label`, b.label, SLACK_LIMITS.inputLabel);
        if (b.hint !== undefined) this.plainText(`${where}.hint`, b.hint, SLACK_LIMITS.inputHint);
        this.element(`${where}.element`, b.element);
        return;
      case "divider":
        return;
      default:
        this.fail(where, `block type ${String(b.type)} is not checked here`);
        return;
    }
  }

  blocks(where: string, value: unknown, max: number, inModal: boolean): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      this.fail(where, "blocks must be an array");
      return;
    }
    if (value.length > max) this.fail(where, `${value.length} blocks, Slack allows ${max}`);
    for (const [i, b] of value.entries()) this.block(`${where}[${i}]`, b, inModal);
  }
}

/** Problems with a message (chat.postMessage, chat.update, chat.postEphemeral, a response_url post). */
export function checkSlackMessage(payload: Json): string[] {
  const c = new Checker();
  if (payload.text !== undefined) {
    const text = String(payload.text);
    c.maxLength("text", text, SLACK_LIMITS.messageText);
    c.mrkdwn("text", text);
  }
  c.blocks("blocks", payload.blocks, SLACK_LIMITS.messageBlocks, false);
  return c.problems;
}

/** Problems with a modal (the `view` of views.open, views.update, views.push). */
export function checkSlackModal(view: Json): string[] {
  const c = new Checker(true);
  if (view.type !== "modal") c.fail("type", `must be modal, got ${String(view.type)}`);
  c.plainText("title", view.title, SLACK_LIMITS.modalTitle);
  if (view.submit !== undefined) c.plainText("submit", view.submit, SLACK_LIMITS.modalButton);
  if (view.close !== undefined) c.plainText("close", view.close, SLACK_LIMITS.modalButton);
  c.maxLength("private_metadata", view.private_metadata, SLACK_LIMITS.privateMetadata);
  c.maxLength("callback_id", view.callback_id, SLACK_LIMITS.callbackId);
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => b?.type === "input");
  if (hasInput && view.submit === undefined) c.fail("submit", "a modal with inputs needs submit");
  c.blocks("blocks", view.blocks, SLACK_LIMITS.modalBlocks, true);
  return c.problems;
}

/** The check for one Web API call Ramp makes, by method; null for methods without Block Kit. */
export function checkSlackCall(method: string, body: Json): string[] | null {
  switch (method) {
    case "chat.postMessage":
    case "chat.update":
    case "chat.postEphemeral":
    case "response":
      return checkSlackMessage(body);
    case "files.completeUploadExternal":
      return checkSlackMessage({ blocks: body.blocks });
    case "views.open":
    case "views.update":
    case "views.push":
      return checkSlackModal((body.view ?? {}) as Json);
    default:
      return null;
  }
}
