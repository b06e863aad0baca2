/** Numbers as prose writes ages: "17", "seventeen", "twenty-one", "four-and-twenty", "18th", "eighteenth". */
const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINAL_UNITS: Record<string, string> = { first: "one", second: "two", third: "three", fifth: "five", eighth: "eight", ninth: "nine", twelfth: "twelve" };

/** A regex source for a cardinal or ordinal number up to 99, in digits or words. */
export const NUMBER_SOURCE = "(?:(?:one|two|three|four|five|six|seven|eight|nine)[- ]and[- ](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)|\\d{1,3}(?:st|nd|rd|th)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?|(?:twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:th)?|first|second|third|fifth|eighth|ninth|twelfth)";

function unitValue(word: string): number | undefined {
  const w = ORDINAL_UNITS[word] ?? word.replace(/th$/, "");
  const k = UNITS.indexOf(w);
  return k >= 0 ? k : undefined;
}

export function parseNumber(text: string): number | undefined {
  const t = text.toLowerCase().trim();
  const digits = /^(\d{1,3})(st|nd|rd|th)?$/.exec(t);
  if (digits) return Number(digits[1]);
  // The older order, unit first: "four-and-twenty".
  const older = /^(\w+)[- ]and[- ](\w+)$/.exec(t);
  if (older) return parseNumber(`${older[2]}-${older[1]}`);
  const [tens, unit] = t.split(/[- ]/);
  const tensIndex = TENS.indexOf(tens.replace(/ieth$/, "y"));
  if (tensIndex >= 2) {
    if (!unit) return tensIndex * 10;
    const u = unitValue(unit);
    return u === undefined ? undefined : tensIndex * 10 + u;
  }
  return unitValue(t);
}
