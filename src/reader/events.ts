/**
 * The events a manuscript tells, each with who, the chapter and the words: presentations, heats and
 * ruts, suppressants, claiming bites, Visits and courtship, the voice, and legal acts (freed, sold,
 * enslaved, appointed). They come from the same facts the designations and relations rest on.
 */
import type { Fact } from "../text/facts.js";
import type { Span } from "../text/source-text.js";

export type EventKind = "presentation" | "cycle" | "suppressants" | "bite" | "bond-broken" | "visit" | "courtship" | "voice" | "freed" | "sold" | "enslaved" | "appointed";

export interface FoundEvent {
  kind: EventKind;
  /** The people in it, first the one it is about. */
  people: number[];
  /** What happened, in a few words: "heat began", "missed", "royal-guard". */
  what: string;
  span: Span;
}

export function eventsOf(facts: readonly Fact[]): FoundEvent[] {
  const out: FoundEvent[] = [];
  const add = (kind: EventKind, people: (number | undefined)[], what: string, span: Span) =>
    out.push({ kind, people: people.filter((p): p is number => p !== undefined), what, span });
  for (const f of facts) {
    switch (f.kind) {
      case "designation":
        if (/\bpresent/i.test(f.quote)) add("presentation", [f.person], f.value, f.span);
        break;
      case "cycle":
        add("cycle", [f.person, f.by], `${f.phase ?? f.cycle} ${f.state === "began" ? "began" : f.state === "ended" ? "ended" : f.state === "none" ? "not" : "under way"}`, f.span);
        break;
      case "suppressants":
        add("suppressants", [f.person], f.state, f.span);
        break;
      case "bite":
        add("bite", [f.bitten, f.biter], "claiming bite", f.span);
        break;
      case "bond-broken":
        add("bond-broken", [f.person, f.mate], "bond broken", f.span);
        break;
      case "visit":
        add("visit", [f.a, f.b, ...f.chaperones], f.chaperones.length ? "chaperoned Visit" : "Visit", f.span);
        break;
      case "courtship":
        add("courtship", [f.a, f.b], f.what, f.span);
        break;
      case "voice":
        add("voice", [f.target, f.speaker], f.outcome ?? "used", f.span);
        break;
      case "freed":
        add("freed", [f.person, f.by], f.byLaw ? "by law" : "freed", f.span);
        break;
      case "sold":
        add("sold", [f.person, f.to], "sold", f.span);
        break;
      case "enslaved":
        add("enslaved", [f.person], "enslaved", f.span);
        break;
      case "appointed":
        add("appointed", [f.person], f.role, f.span);
        break;
    }
  }
  return out;
}
