// The string formats the stand-in's validator checks: those API descriptions use for identifiers, dates and
// addresses. Others are accepted unchecked, as JSON Schema allows (draft-07 §7.2: format checks are optional).
// Every expression here is linear: no nested quantifiers, so a long hostile string cannot make it backtrack.
// (ajv-formats does this job more completely; it is not one of mvpm's dependencies.)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}(?::?\d{2})?)$/i;

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
  ];
  return month >= 1 && month <= 12 && day >= 1 && day <= (days[month - 1] ?? 31);
}

function isTime(text: string): boolean {
  const match = TIME.exec(text);
  return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59 && Number(match[3]) <= 60;
}

function isDateTime(text: string): boolean {
  const at = text.search(/[Tt ]/);
  return at === 10 && isDate(text.slice(0, at)) && isTime(text.slice(at + 1));
}

function isUri(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** ajv's `formats` option: name → check. */
export const FORMAT_CHECKS: Readonly<Record<string, (text: string) => boolean>> = Object.freeze({
  date: isDate,
  time: isTime,
  'date-time': isDateTime,
  uuid: (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text),
  email: (text: string) => /^[^\s@]{1,64}@[^\s@]{1,255}$/.test(text) && !text.endsWith('.'),
  uri: isUri,
  url: isUri,
  hostname: (text: string) =>
    text.length <= 253 &&
    text.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)),
  ipv4: (text: string) =>
    /^\d{1,3}(?:\.\d{1,3}){3}$/.test(text) && text.split('.').every((part) => Number(part) <= 255),
  byte: (text: string) => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text),
  int32: (text: string) => /^-?\d{1,10}$/.test(text),
});
