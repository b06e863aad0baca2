import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isCapitalAt, isLetterAt, letterOrDigitBefore, wordEnd } from "../src/text/letters.js";

// Letters from several scripts, capitals, digits, apostrophes, hyphens, spaces, an astral capital
// (𝐀, a surrogate pair) and an emoji: what prose and names are made of, and the awkward cases.
const pieces = ["a", "Z", "é", "É", "ß", "Ω", "ω", "ж", "Ж", "名", "7", "٣", "'", "’", "-", " ", ".", "\n", "𝐀", "😀", "\u0301"];
const prose = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(""));

describe("character classes by offset", () => {
  it("agree with the Unicode regular expressions they stand in for, at every character", () => {
    fc.assert(
      fc.property(prose, (text) => {
        let at = 0;
        for (const ch of text) {
          expect(isLetterAt(text, at)).toBe(/^\p{L}$/u.test(ch));
          expect(isCapitalAt(text, at)).toBe(/^\p{Lu}$/u.test(ch));
          const before = at === 0 ? "" : [...text.slice(0, at)].at(-1)!;
          expect(letterOrDigitBefore(text, at)).toBe(/^[\p{L}\p{N}]$/u.test(before));
          if (/^\p{L}$/u.test(ch)) {
            const word = /\p{L}[\p{L}'’-]*/uy;
            word.lastIndex = at;
            expect(wordEnd(text, at)).toBe(at + word.exec(text)![0].length);
          }
          at += ch.length;
        }
      }),
      { numRuns: 500 },
    );
  });
});
