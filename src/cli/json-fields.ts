/**
 * Editing one member of a JSON object in place. A record is written back as it came, byte for
 * byte, except for the members the command sets: re-serialising the parsed object would reorder
 * integer-like keys, round big numbers and rewrite escapes in fields it has no business touching.
 */

/** Where a member's value stands in the text of an object: `text.slice(start, end)`. */
interface ValueSpan {
  readonly start: number;
  readonly end: number;
}

/** The top-level members of an object's text and the offset of its closing brace. */
export interface ObjectLayout {
  /** Value spans by key; for a repeated key the last one, as `JSON.parse` keeps the last. */
  readonly members: ReadonlyMap<string, ValueSpan>;
  readonly close: number;
  readonly empty: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * Lays out `text`, which must be a JSON object that `JSON.parse` accepted (the scan relies on it
 * and checks nothing). Linear in the length of the text.
 */
export function objectLayout(text: string): ObjectLayout {
  const members = new Map<string, ValueSpan>();
  let at = skipSpace(text, text.indexOf('{') + 1);
  while (text.charCodeAt(at) !== CLOSE_BRACE) {
    const keyEnd = skipString(text, at);
    const key = decodeKey(text.slice(at, keyEnd));
    const start = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = skipValue(text, start);
    members.set(key, { start, end });
    at = skipSpace(text, end);
    if (text.charCodeAt(at) === COMMA) at = skipSpace(text, at + 1);
  }
  return { members, close: at, empty: members.size === 0 };
}

/** An edit: replace `text.slice(start, end)` with `insert`. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/**
 * `text` with each key of `values` set to its (already serialised) JSON value: replaced where the
 * member exists, appended before the closing brace where it does not. Everything else is kept.
 */
export function setMembers(text: string, layout: ObjectLayout, values: ReadonlyMap<string, string>): string {
  const edits: Edit[] = [];
  let appended = '';
  let empty = layout.empty;
  for (const [key, value] of values) {
    const span = layout.members.get(key);
    if (span) edits.push({ ...span, insert: value });
    else {
      appended += `${empty ? '' : ','}${JSON.stringify(key)}:${value}`;
      empty = false;
    }
  }
  if (appended !== '') edits.push({ start: layout.close, end: layout.close, insert: appended });
  edits.sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const edit of edits) {
    result += text.slice(cursor, edit.start) + edit.insert;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (let code = text.charCodeAt(i); code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d; code = text.charCodeAt(++i));
  return i;
}

/** The offset after the string starting at `at` (on its opening quote). */
function skipString(text: string, at: number): number {
  let i = at + 1;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i + 1;
    i += code === BACKSLASH ? 2 : 1;
  }
}

/** The offset after the value starting at `at`: a string, an object or array (nesting counted), or a literal. */
function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return skipString(text, at);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let i = at;
    for (let code = text.charCodeAt(i); i < text.length && code !== COMMA && code !== CLOSE_BRACE && code !== CLOSE_BRACKET && code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d; code = text.charCodeAt(++i));
    return i;
  }
  let depth = 0;
  let i = at;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = skipString(text, i);
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
    i++;
    if (depth === 0) return i;
  }
}

/** A key as `JSON.parse` reads it: escapes are rare, so the plain case avoids a parse. */
function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}
