/**
 * Finding the cast in prose: full names, aliases, and the parts of a name that are capitalised
 * words of three letters or more ("Ben Solo" is also "Ben" and "Solo") unless two people share them.
 * A title before a name ("General Hux", "Lady Lena") is part of the mention.
 */
export interface NamedPerson {
  name: string;
  aliases?: readonly string[];
}

export interface Mention {
  person: number;
  start: number;
  end: number;
}

/** Titles that may stand before a name ("General Hux", "Lady Lena"). */
export const TITLES: readonly string[] = [
  "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Lord", "Lady", "Sir", "Dame", "Prince", "Princess", "King", "Queen", "General", "Commander",
  "Captain", "Colonel", "Major", "Lieutenant", "Sergeant", "Master", "Mistress", "Madam", "Father", "Mother", "Uncle", "Aunt", "Senator", "Supreme Leader",
];

/** A string as a regex source that matches it literally. */
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class NameIndex {
  private readonly byForm = new Map<string, number>();
  private readonly title: RegExp;
  /** A regex source matching any form, longest first; use inside larger patterns. */
  readonly source: string;

  constructor(people: readonly NamedPerson[]) {
    const owners = new Map<string, Set<number>>();
    const add = (form: string, i: number) => {
      const f = form.trim();
      if (f.length < 2) return;
      if (!owners.has(f)) owners.set(f, new Set());
      owners.get(f)!.add(i);
    };
    people.forEach((p, i) => {
      add(p.name, i);
      for (const a of p.aliases ?? []) add(a, i);
      for (const part of p.name.split(/\s+/)) if (/^\p{Lu}[\p{L}'-]{2,}$/u.test(part)) add(part, i);
    });
    // Full names and aliases are always someone's; a part of a name shared by two people is no one's.
    people.forEach((p, i) => {
      for (const form of [p.name, ...(p.aliases ?? [])]) if (form.trim().length >= 2) this.byForm.set(form.trim(), i);
    });
    for (const [form, who] of owners) if (who.size === 1 && !this.byForm.has(form)) this.byForm.set(form, [...who][0]);
    const forms = [...this.byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const titles = TITLES.map(escape).join("|");
    this.title = new RegExp(`^(?:${titles})\\.?\\s+`);
    this.source = forms.length ? `(?:(?:${titles})\\.?\\s+)?(?:${forms.map(escape).join("|")})(?![\\p{L}\\p{N}])` : "(?!)";
  }

  /** Who a matched mention (possibly with a title) is. */
  personOf(text: string): number | undefined {
    return this.byForm.get(text) ?? this.byForm.get(text.replace(this.title, ""));
  }

  /** Every mention of a cast member in the text. */
  mentions(text: string): Mention[] {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${this.source}`, "gu");
    const out: Mention[] = [];
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const person = this.personOf(m[0]);
      if (person !== undefined) out.push({ person, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }
}
