/**
 * Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and
 * Windows-1252 when the bytes are not valid UTF-8. Binary data is refused rather than read as text.
 */
export type Decoded = { text: string; encoding: string } | { error: string; hint: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { error: "this looks like binary data, not text", hint: "give a .txt, .md, .html or .epub file" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "UTF-8" };
  } catch {
    return { text: windows1252(body), encoding: "Windows-1252" };
  }
}

/** NUL bytes or many control characters in the first 8 KB: not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Windows-1252: Latin-1, except 0x80–0x9F, which hold curly quotes, dashes and a few letters. */
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function windows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (ch) => HIGH[ch.charCodeAt(0) - 0x80]);
  }
  return out;
}
