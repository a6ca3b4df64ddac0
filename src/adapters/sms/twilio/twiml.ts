// TwiML answers to Twilio's incoming-message webhook: a reply as <Message>, or nothing.

export function twimlReply(text: string | null): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  return text === null || text === ""
    ? `${head}<Response/>`
    : `${head}<Response><Message>${escapeXml(text)}</Message></Response>`;
}

function escapeXml(text: string): string {
  // XML 1.0 has no place for control characters other than tab and line breaks.
  const printable = [...text]
    .filter((c) => c.charCodeAt(0) >= 0x20 || c === "\t" || c === "\n" || c === "\r")
    .join("");
  return printable.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}
