/** Telling which canon preset a manuscript's world fits, from what its prose shows. */
import { describe, expect, it } from "vitest";
import { fitWorld } from "../src/reader/world-fit.js";
import { preset } from "./helpers/world.js";

const worlds = new Map(["classic", "first-order", "guardianship", "daxam"].map((id) => [id, preset(id)]));

describe("which preset a manuscript fits", () => {
  it("takes guardians and chaperoned Visits for the guardianship world, quoting the words and the preset's rules", () => {
    const text = "Tesmae's guardian signed the papers.\nThe second Visit was chaperoned by her guardian. A third Visit followed.";
    const fit = fitWorld(text, worlds);
    expect(fit.preset).toBe("guardianship");
    const best = fit.fits[0];
    expect(best.confirms.map((c) => c.feature)).toEqual(["court-appointed guardians", "chaperoned courtship Visits"]);
    expect(best.confirms[0].rules.length).toBeGreaterThan(0);
    expect(best.confirms[0].evidence[0]).toEqual({ line: 1, offset: 9, quote: "guardian" });
  });

  it("takes a dominant/submissive axis for the first-order world, and slavery and reform for daxam", () => {
    expect(fitWorld("Brannoch was her submissive. A submissive kneels; a dominant decides.", worlds).preset).toBe("first-order");
    expect(fitWorld("Kara had been enslaved in the palace. The slaves were freed at the abolition of slavery.", worlds).preset).toBe("daxam");
  });

  it("says which preset the text contradicts, and stays with classic when the text tells nothing apart", () => {
    const fit = fitWorld("Quillon walked to the harbour and waited for the tide.", worlds);
    expect(fit.preset).toBe("classic");
    const visits = fitWorld("Her first Visit went well. The second Visit was shorter.", worlds);
    expect(visits.fits.find((f) => f.preset === "classic")!.contradicts.map((c) => c.feature)).toEqual(["chaperoned courtship Visits"]);
  });

  it("counts an AO3 tag at half the weight of the prose", () => {
    const fit = fitWorld("Quillon waited.", worlds, ["Dom/sub Undertones", "Submissive Quillon"]);
    expect(fit.preset).toBe("first-order");
    expect(fit.fits[0].score).toBe(0.5);
  });
});
