/**
 * Colours from the Okabe–Ito palette, which stays distinct under the common colour-vision
 * deficiencies, always paired with a shape or a letter so that nothing is told by colour alone.
 */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  sky: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  grey: "#8C8C8C",
} as const;

export interface Mark {
  colour: string;
  /** A one-character shape drawn beside the name. */
  shape: string;
  /** A short letter drawn on bands. */
  letter: string;
}

const DESIGNATION_MARKS: Record<string, Mark> = {
  alpha: { colour: OKABE_ITO.orange, shape: "▲", letter: "A" },
  beta: { colour: OKABE_ITO.sky, shape: "■", letter: "B" },
  omega: { colour: OKABE_ITO.purple, shape: "●", letter: "O" },
};
const OTHER_MARK: Mark = { colour: OKABE_ITO.green, shape: "◆", letter: "?" };
const UNSET_MARK: Mark = { colour: OKABE_ITO.grey, shape: "○", letter: "–" };

export function designationMark(designation: string): Mark {
  if (designation === "" || designation === "unpresented" || designation === "unknown" || designation === "none") return UNSET_MARK;
  return DESIGNATION_MARKS[designation] ?? { ...OTHER_MARK, letter: designation.slice(0, 1).toUpperCase() };
}

/** Heat in vermillion, rut in blue, any other cycle a world names in green. */
export function cycleColour(cycle: string): string {
  if (cycle === "heat") return OKABE_ITO.vermillion;
  if (cycle === "rut") return OKABE_ITO.blue;
  return OKABE_ITO.green;
}

export interface EdgeStyle {
  colour: string;
  /** SVG stroke-dasharray ("" for solid). */
  dash: string;
  width: number;
  /** Directed relations get an arrow head. */
  directed: boolean;
  label: string;
}

export const EDGE_STYLES: Record<string, EdgeStyle> = {
  bonded: { colour: OKABE_ITO.black, dash: "", width: 4, directed: false, label: "bonded" },
  courting: { colour: OKABE_ITO.orange, dash: "8 4", width: 2.5, directed: false, label: "courting" },
  partner: { colour: OKABE_ITO.orange, dash: "", width: 2.5, directed: false, label: "partner" },
  guardian: { colour: OKABE_ITO.blue, dash: "2 4", width: 2.5, directed: true, label: "guardian of" },
  owner: { colour: OKABE_ITO.vermillion, dash: "10 3 2 3", width: 2.5, directed: true, label: "owner of" },
  family: { colour: OKABE_ITO.grey, dash: "", width: 1.5, directed: false, label: "family" },
  "dominant-of": { colour: OKABE_ITO.purple, dash: "4 2", width: 2, directed: true, label: "dominant of" },
};

export const SEVERITY_MARKS: Record<string, { shape: string; label: string; colour: string }> = {
  error: { shape: "✖", label: "error", colour: OKABE_ITO.vermillion },
  warning: { shape: "▲", label: "warning", colour: OKABE_ITO.orange },
  info: { shape: "ℹ", label: "note", colour: OKABE_ITO.blue },
};
