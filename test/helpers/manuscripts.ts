/** Manuscripts for the reader's tests: invented names it cannot have seen, clinical prose. */
export const HARBOUR = [
  "# Chapter One",
  "",
  "Quillon Varrowmere, an alpha, arrived at the harbour office before dawn. Quillon signed the ledger and waited.",
  "Across the room Tesmae Orlind kept her eyes on the tide charts. Tesmae was an omega, and everyone in the office knew it.",
  "The harbour master, a beta named Ordo Fenwick, nodded to them both. Ordo said nothing about the weather.",
  "",
  "# Chapter Two",
  "",
  "Weeks later Quillon bit Tesmae at the scent gland, and the bond held. Tesmae touched her bond mark and smiled.",
  "Ordo Fenwick, her guardian, signed the papers. Ordo said the match was lawful.",
].join("\n");
