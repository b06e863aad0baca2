/**
 * Which canon preset a manuscript's world fits best, from the institutions and biology its prose
 * shows. Each preset is described by its own world file, not by its name: what its species have
 * (an alignment axis, a kind with no secondary sex) and what its institutions do (appoint
 * guardians, require Visits, mandate suppressants, hold people enslaved, bar a designation from a
 * role, settle succession). The text confirms a feature when its words are there, with a quote; a
 * preset that lacks a feature the text shows is contradicted by it. Silence is not evidence. An AO3
 * work's tags count as well, at half weight.
 */
import type { World } from "../world/load.js";
import { SourceText } from "../text/source-text.js";

export interface WorldEvidence {
  line: number;
  offset: number;
  quote: string;
}

export interface FeatureFinding {
  feature: string;
  /** The preset's rule ids behind the feature, when it has it. */
  rules: string[];
  evidence: WorldEvidence[];
}

export interface PresetFit {
  preset: string;
  score: number;
  confirms: FeatureFinding[];
  contradicts: FeatureFinding[];
}

export interface WorldFit {
  /** The best fit; "classic" when the text shows nothing that tells the presets apart. */
  preset: string;
  fits: PresetFit[];
}

interface Feature {
  id: string;
  /** What the text says when it shows the feature. */
  text: RegExp;
  /** Whether a world has it, and the rule ids behind it. */
  has(world: World): string[] | undefined;
}

const institution = (effect: string) => (world: World) => {
  const found = Object.values(world.spec.institutions ?? {}).filter((i) => i.effect === effect);
  return found.length ? found.flatMap((i) => i.rules ?? []) : undefined;
};

const FEATURES: readonly Feature[] = [
  {
    id: "a dominant/submissive alignment",
    text: /\b(?:dominant|submissive)s?\b(?!\s+(?:gene|trait|hand))/gi,
    has: (w) => (Object.values(w.spec.species).some((s) => s.axes.includes("alignment")) ? (w.spec.axes.alignment?.rules ?? []) : undefined),
  },
  {
    id: "people with no secondary sex",
    text: /\b(?:no|without|lacks?|lacking|neither)\b[^.!?\n]{0,30}\b(?:secondary sex(?:es)?|designations?|dynamics?)\b|\bneither alpha(?:,)? nor beta(?:,)? nor omega\b/gi,
    has: (w) => (Object.values(w.spec.species).some((s) => !s.axes.includes("secondarySex")) ? Object.values(w.spec.species).flatMap((s) => s.rules ?? []) : undefined),
  },
  { id: "court-appointed guardians", text: /\bguardian(?:ship)?s?\b|\b(?:his|her|the court['’]s|a) ward\b/gi, has: institution("appoint-guardian") },
  { id: "chaperoned courtship Visits", text: /\bVisits?\b|\bchaperon(?:e|es|ed|ing)\b|\bcourting (?:visits?|dinners?)\b/g, has: institution("require-visits") },
  { id: "suppressants required by rule", text: /\b(?:required|mandatory|mandated|made|forced|ordered|obliged)\b[^.!?\n]{0,30}\bsuppressants?\b|\bsuppressants?\b[^.!?\n]{0,20}\b(?:required|mandatory|mandated|compulsory)\b/gi, has: institution("mandate-suppressants") },
  { id: "slavery and emancipation", text: /\b(?:enslaved|slaves?|slavery|emancipat\w+|manumi\w+|abolition|bond-servants?|indentured)\b/gi, has: institution("legal-status") },
  { id: "a designation barred from a role", text: /\b(?:barred|banned|forbidden|not allowed|may not|could not)\b[^.!?\n]{0,30}\b(?:join|serve|hold|enlist)\b/gi, has: institution("bar-role") },
  { id: "succession to a throne", text: /\b(?:throne|heir to|succession|coronation|crown prince(?:ss)?)\b/gi, has: institution("succession") },
];

/** At most this many quotes per feature. */
const QUOTES = 3;

export function fitWorld(text: string, worlds: ReadonlyMap<string, World>, tags: readonly string[] = []): WorldFit {
  const source = new SourceText("", text);
  const shown = FEATURES.map((f) => {
    const evidence: WorldEvidence[] = [];
    let count = 0;
    for (const m of text.matchAll(f.text)) {
      count++;
      if (evidence.length < QUOTES) evidence.push(quoted(source, m.index!, m[0]));
    }
    const tagged = tags.filter((t) => new RegExp(f.text.source, f.text.flags.replace("g", "")).test(t));
    // Tags are the author's own summary; prose shows it more than once for it to count.
    const weight = (count >= 2 ? 1 : 0) + (tagged.length ? 0.5 : 0);
    return { feature: f, weight, evidence: [...evidence, ...tagged.map((t) => ({ line: 0, offset: 0, quote: `tag: ${t}` }))] };
  });
  const fits = [...worlds].map(([preset, world]): PresetFit => {
    const fit: PresetFit = { preset, score: 0, confirms: [], contradicts: [] };
    for (const s of shown) {
      if (s.weight === 0) continue;
      const rules = s.feature.has(world);
      if (rules) {
        fit.score += s.weight;
        fit.confirms.push({ feature: s.feature.id, rules, evidence: s.evidence });
      } else {
        fit.score -= s.weight;
        fit.contradicts.push({ feature: s.feature.id, rules: [], evidence: s.evidence });
      }
    }
    return fit;
  });
  // Best score first; among equals, the one the text contradicts least, then classic (the common defaults).
  fits.sort((a, b) => b.score - a.score || a.contradicts.length - b.contradicts.length || Number(b.preset === "classic") - Number(a.preset === "classic") || (a.preset < b.preset ? -1 : 1));
  return { preset: fits[0]?.preset ?? "classic", fits };
}

function quoted(source: SourceText, start: number, quote: string): WorldEvidence {
  const p = source.position(start);
  return { line: p.line, offset: p.column - 1, quote };
}
