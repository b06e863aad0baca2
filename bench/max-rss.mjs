// Loaded with `node --import` into a benchmarked child: on exit, its peak resident set size (KiB)
// goes to stderr as "maxrss N", for the parent to read.
import { writeSync } from "node:fs";

process.on("exit", () => writeSync(2, `\nmaxrss ${process.resourceUsage().maxRSS}\n`));
