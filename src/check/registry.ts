/** Every check, in the order `scentline rules` lists them. */
import type { Check } from "./check.js";
import { ageUnknown } from "./rules/age-unknown.js";
import { bondContinuity } from "./rules/bond-continuity.js";
import { cycleTiming } from "./rules/cycle-timing.js";
import { designationMismatch } from "./rules/designation-mismatch.js";
import { lawInForce } from "./rules/law-in-force.js";
import { presentationTiming } from "./rules/presentation-timing.js";
import { ruleViolation } from "./rules/rule-violation.js";
import { scentRange } from "./rules/scent-range.js";
import { timelineOrder } from "./rules/timeline-order.js";
import { underAge } from "./rules/under-age.js";

export const CHECKS: readonly Check[] = [designationMismatch, presentationTiming, cycleTiming, scentRange, bondContinuity, lawInForce, ruleViolation, timelineOrder, underAge, ageUnknown];

/** Findings that come from reading the project rather than from a check. */
export const LOAD_FINDINGS: readonly { id: string; severity: "error" | "info"; description: string }[] = [
  { id: "project", severity: "error", description: "scentline.yaml or its world cannot be loaded (the message says what and where; `scentline validate` reports the same)." },
  { id: "front-matter", severity: "error", description: "A chapter's front matter is malformed, has an unknown field, or names a person or place the project does not have." },
  { id: "unreadable", severity: "error", description: "A chapter file cannot be read: missing, a folder, or too large." },
  { id: "inferred", severity: "info", description: "The front matter leaves something out (the date, who is present) and the checker says what it took instead." },
];
