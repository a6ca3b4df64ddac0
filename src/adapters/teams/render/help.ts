// The chat help (core/chat/help.ts, shared with Slack and the local chat) as Teams can show it:
// its first line the title, every other line one command, as a Markdown list. A command's words
// in bold, its placeholders (`<tekst>`) in italics: Teams drops anything between < and >.
import { type Element, text } from "./elements.ts";
import { inline } from "./markdown.ts";

export function helpBody(help: string): Element[] {
  const [title = "", ...commands] = help.split("\n").filter((line) => line.trim() !== "");
  return [
    text(`**${inline(title.replace(/^\*(.*)\*$/, "$1"))}**`),
    text(commands.map((line) => `- ${helpLine(line)}`).join("\n")),
  ];
}

/** "`@Ramp evaluatie <tekst>` leg … vast" → "**@Ramp evaluatie** _tekst_ leg … vast". */
function helpLine(line: string): string {
  return line
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith("`") && part.endsWith("`") ? usage(part.slice(1, -1)) : inline(part),
    )
    .join("");
}

function usage(command: string): string {
  return command
    .split(/(<[^<>]+>)/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => (part.startsWith("<") ? inline(part) : `**${inline(part)}**`))
    .join(" ");
}
