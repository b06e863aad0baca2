/**
 * What kind of character stands at an offset: a letter (\p{L}), a capital (\p{Lu}), a digit
 * (\p{N}). Scanning a whole book with these beats a Unicode regular expression searching for the
 * next match several times over: ASCII is decided by its code, and the rare other characters by a
 * regular expression on that one character (a pair of surrogates taken as the one character it is).
 */
const LETTER = /^\p{L}$/u;
const CAPITAL = /^\p{Lu}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The character starting at `i` (both halves of a surrogate pair), for the slow path only. */
function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text[i];
}

/** The character ending just before `i`. */
function charBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

/** How many code units the character at `i` takes (2 for a surrogate pair). */
export function charLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  return LETTER.test(charAt(text, i));
}

export function isCapitalAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(charAt(text, i));
}

/** Whether the character just before `i` is a letter or a digit (false at the start). */
export function letterOrDigitBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(charBefore(text, i));
}

/**
 * Where the word starting at a letter at `i` ends: the letters, apostrophes (' and ’) and hyphens
 * that follow it, as the pattern \p{L}[\p{L}'’-]* matches.
 */
export function wordEnd(text: string, i: number): number {
  let end = i + charLength(text, i);
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 39 || c === 45 || c === 0x2019) end++;
    else if (isLetterAt(text, end)) end += charLength(text, end);
    else break;
  }
  return end;
}
