// The "Wijzigen" form's values, checked and written the way the plan writes them: a Belgian
// mobile number in any usual form (0475 12 34 56, 0475/12.34.56, +32 475 12 34 56,
// 0032475123456) becomes "+32 475 12 34 56"; a foreign one must start with its country code.
import { RampError } from "../errors.ts";
import type { ContactField, ContactForm } from "./model.ts";

export interface FieldProblem {
  field: ContactField | "remark";
  nl: string;
  en: string;
}

export type CheckedForm = { values: Partial<Record<ContactField, string>>; remark: string | null };

const LABELS: Record<FieldProblem["field"], { nl: string; en: string }> = {
  mobile: { nl: "Gsm", en: "Mobile" },
  phone: { nl: "Telefoon", en: "Phone" },
  email: { nl: "E-mail", en: "E-mail" },
  remark: { nl: "Opmerking", en: "Remark" },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** The plan's own check (src/plan/schema.ts), which the value must pass after the maintainer copies it. */
const PLAN_PHONE = /^\+?[0-9][0-9 ./-]{5,}$/;

/** Digits of a Belgian number as dialled nationally ("0475123456"), or null when not Belgian. */
function belgianNational(text: string): string | null {
  // "+32 (0)475 …": the trunk zero in brackets is not dialled after the country code.
  const compact = text.replace(/\(0\)/g, "").replace(/[\s./()-]/g, "");
  if (/^\+32\d+$/.test(compact)) return `0${compact.slice(3)}`;
  if (/^0032\d+$/.test(compact)) return `0${compact.slice(4)}`;
  if (/^0\d+$/.test(compact)) return compact;
  return null;
}

export function normalizeMobile(text: string): string | FieldProblem {
  const national = belgianNational(text);
  if (national !== null) {
    // Belgian mobile numbers: 046x, 047x, 048x, 049x and ten digits.
    if (/^04[6-9]\d{7}$/.test(national)) {
      const d = national.slice(1);
      return `+32 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7, 9)}`;
    }
    return problem(
      "mobile",
      `"${text}" is geen Belgisch gsm-nummer. Een gsm-nummer heeft tien cijfers en begint met 046, 047, 048 of 049, bv. 0475 12 34 56 of +32 475 12 34 56.`,
      `"${text}" is not a Belgian mobile number. A mobile number has ten digits and starts with 046, 047, 048 or 049, e.g. 0475 12 34 56 or +32 475 12 34 56.`,
    );
  }
  const compact = text.replace(/[\s./()-]/g, "");
  if (/^\+[1-9]\d{7,14}$/.test(compact) && PLAN_PHONE.test(text.trim())) return text.trim();
  return problem(
    "mobile",
    `"${text}" is geen gsm-nummer. Schrijf het met cijfers, bv. 0475 12 34 56; een buitenlands nummer met de landcode, bv. +31 6 12 34 56 78.`,
    `"${text}" is not a mobile number. Write it in digits, e.g. 0475 12 34 56; a foreign number with its country code, e.g. +31 6 12 34 56 78.`,
  );
}

export function normalizePhone(text: string): string | FieldProblem {
  const national = belgianNational(text);
  if (national !== null && /^0\d{8,9}$/.test(national)) {
    // Written as in the plan: +32, then the number without its leading 0, as typed.
    const rest = text
      .trim()
      .replace(/\(0\)\s*/g, "")
      .replace(/^(\+32|0032)\s*/, "")
      .replace(/^0/, "");
    return `+32 ${rest}`;
  }
  const compact = text.replace(/[\s./()-]/g, "");
  if (/^\+[1-9]\d{7,14}$/.test(compact) && PLAN_PHONE.test(text.trim())) return text.trim();
  return problem(
    "phone",
    `"${text}" is geen telefoonnummer. Schrijf het met cijfers, bv. 057 40 12 01 of +32 57 40 12 01.`,
    `"${text}" is not a phone number. Write it in digits, e.g. 057 40 12 01 or +32 57 40 12 01.`,
  );
}

export function normalizeEmail(text: string): string | FieldProblem {
  const value = text.trim().toLowerCase();
  if (EMAIL.test(value) && value.length <= 254) return value;
  return problem(
    "email",
    `"${text}" is geen e-mailadres. Schrijf het volledig, bv. naam@zonnebeke-heide.be.`,
    `"${text}" is not an e-mail address. Write it in full, e.g. name@zonnebeke-heide.be.`,
  );
}

/** Every problem at once (a form shows them beside their fields); empty fields are unchanged. */
export function checkContactForm(form: ContactForm): {
  form: CheckedForm;
  problems: FieldProblem[];
} {
  const values: Partial<Record<ContactField, string>> = {};
  const problems: FieldProblem[] = [];
  const normalizers = { mobile: normalizeMobile, phone: normalizePhone, email: normalizeEmail };
  for (const field of ["mobile", "phone", "email"] as const) {
    const typed = form[field]?.trim();
    if (!typed) continue;
    const result = normalizers[field](typed);
    if (typeof result === "string") values[field] = result;
    else problems.push(result);
  }
  const remark = form.remark?.trim() || null;
  if (remark && remark.length > 500)
    problems.push(
      problem(
        "remark",
        `Houd de opmerking onder 500 tekens (nu ${remark.length}).`,
        `Keep the remark under 500 characters (now ${remark.length}).`,
      ),
    );
  return { form: { values, remark }, problems };
}

/** The same check, as one error for adapters that show a single message. */
export function contactFormOrThrow(form: ContactForm): CheckedForm {
  const { form: checked, problems } = checkContactForm(form);
  if (problems.length > 0)
    throw new RampError("contact-form-invalid", {
      nl: problems.map((p) => `${LABELS[p.field].nl}: ${p.nl}`).join(" "),
      en: problems.map((p) => `${LABELS[p.field].en}: ${p.en}`).join(" "),
    });
  return checked;
}

function problem(field: FieldProblem["field"], nl: string, en: string): FieldProblem {
  return { field, nl, en };
}
