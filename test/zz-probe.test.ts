import { it } from "vitest";
import { loadWorldText } from "/work/main/test/helpers/world.js";
const cases: Record<string, [string, Record<string,string>?]> = {
  bracket: ["extends: classic\nid: x\nname: X\nstrength: { alpha: 1.0, beta: 0.4\nageOfMajority: 20\n"],
  indent: ["extends: classic\nid: x\nname: X\nscent:\n  signatureRange: 10\n   crowd: 20\n"],
  indent2: ["extends: classic\nid: x\nname: X\nscent:\n    signatureRange: 10\n  crowd: 20\n"],
  tab: ["extends: classic\nid: x\nname: X\nscent:\n\tsignatureRange: 10\n"],
  typo: ["extends: classic\nid: x\nname: X\nageOfMajorty: 20\n"],
  nested: ["extends: classic\nid: x\nname: X\nscent: { signatureRnge: 10 }\n"],
  wrongtype: ["extends: classic\nid: x\nname: X\nageOfMajority: \"twenty\"\n"],
  range: ["extends: classic\nid: x\nname: X\nageOfMajority: 16\n"],
  omga: ["extends: classic\nid: x\nname: X\ncycles:\n  heat:\n    modifiers:\n      - id: calm\n        when: \"self.designation == omga\"\n        skip: true\n"],
  omgaPlain: ["extends: classic\nid: x\nname: X\ncycles:\n  heat:\n    modifiers:\n      - id: calm\n        when: self.designation == omga\n        skip: true\n"],
  desg: ["extends: classic\nid: x\nname: X\ncycles:\n  heat:\n    modifiers:\n      - id: calm\n        when: \"self.desgination == omega\"\n        skip: true\n"],
  cycle: ["extends: a.yaml\nid: x\nname: X\n", {"a.yaml": "id: a\nname: A\nextends: b.yaml\n", "b.yaml": "# b\nextends: a.yaml\n"}],
  preset: ["id: x\nname: X\nextends: clasic\n"],
  missing: ["id: x\nname: X\nextends: ./nope.yaml\n"],
  contra: ["extends: classic\nid: x\nname: X\npresentation:\n  axis: secondarySex\n  age: { min: 16y, max: 12y }\n"],
  undecl: ["extends: classic\nid: x\nname: X\ncycles:\n  heat:\n    designation: omegaa\n"],
  three: ["extends: classic\nid: x\nname: X\nageOfMajorty: 20\nscent:\n  signatureRange: true\nbonds:\n  formation:\n    glands: neck\n"],
};
it("probe", () => {
  for (const [k, [t, e]] of Object.entries(cases)) {
    const r = loadWorldText(t, e ?? {});
    console.log("== " + k, !!r.world);
    for (const d of r.diagnostics) console.log(JSON.stringify({ ...d, at: d.at && { ...d.at, file: d.at.file.split("/").pop() } }));
  }
});
