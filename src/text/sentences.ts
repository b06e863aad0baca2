/** Where a text's sentences and paragraphs begin: the one answer every reading of prose shares. */

/** Where each sentence begins: after . ! ? and space, or a blank line. */
export function sentenceStarts(text: string): number[] {
  const out = [0];
  // "Dr. Sato" does not end a sentence.
  const re = /(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|St|Prof|Capt|Gen|Lt|Sgt|Col|Jr|Sr))[.!?]["'’”)]*\s+|\n[ \t]*\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** Paragraphs are split by blank lines, or by line ends in a text that never leaves a line blank. */
export function paragraphStarts(text: string): number[] {
  const starts = [0];
  const re = /\n[ \t]*\r?\n/.test(text) ? /\n[ \t]*\r?\n/g : /\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/**
 * Whether the words at an offset open a sentence (so a name there is most likely its subject),
 * in narration or at the start of a quote ("Captain Sayre is never kind.").
 */
export function opensSentence(text: string, at: number): boolean {
  return /(?:^|[.!?]["'’”)]?\s+|\n\s*)["“‘]?$/.test(text.slice(Math.max(0, at - 6), at));
}
