// The one escape helper: every value interpolated into `html` is escaped unless it is already Html.
// Attributes are always written in double quotes, so escaping `"` and `'` makes them safe too.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Content = Html | string | number | null | undefined | false | Content[];

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function render(value: Content): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Content[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Markup the code wrote itself (never text from people or the plan). */
export const trusted = (markup: string): Html => new Html(markup);

export const join = (parts: Content[]): Html => new Html(render(parts));
