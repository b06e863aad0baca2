/**
 * Reading entries from a zip archive (an EPUB) without trusting it: fflate lists the central
 * directory and inflates, and the limits are checked here twice, once against the sizes the archive
 * declares (before anything is inflated) and once against the bytes that actually come out (a
 * declared size can lie, and a zip bomb's does). Compressed data is fed in small pieces, so one piece
 * can never inflate to more than a few megabytes before the count is checked.
 */
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import type { ManuscriptError } from "../manuscript.js";

export interface ZipEntry {
  name: string;
  /** The uncompressed size the archive declares. */
  originalSize: number;
}

export interface ZipLimits {
  /** The most bytes inflated from the archive, all entries together. */
  maxUnzippedBytes: number;
  /** The most entries the archive may hold. */
  maxZipEntries: number;
}

/** Compressed bytes fed to the inflater at a time: at deflate's largest ratio (about 1:1032) this is at most 17 MB out. */
const PIECE = 16 * 1024;

const MB = 2 ** 20;
const size = (bytes: number) => (bytes < MB ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / MB)} MB`);

class TooMany extends Error {}

/** The archive's entries, from its central directory. */
export function listZip(name: string, bytes: Uint8Array, limits: ZipLimits): ZipEntry[] | ManuscriptError {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        if (entries.length >= limits.maxZipEntries) throw new TooMany();
        entries.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (e) {
    if (e instanceof TooMany) return { error: `${name} holds more than ${limits.maxZipEntries} files`, hint: "an EPUB has a few hundred at most; this archive is refused as unsafe to open" };
    return damaged(name);
  }
  return entries;
}

/**
 * The named entries' bytes. `budget` is what may still be inflated; it is reduced by what these
 * entries hold. An entry that is missing, damaged or cut short is an error, as is going over budget.
 */
export function readZip(name: string, bytes: Uint8Array, entries: readonly ZipEntry[], wanted: readonly string[], budget: { left: number; limit: number }): Map<string, Uint8Array> | ManuscriptError {
  const want = new Set(wanted);
  const declared = entries.filter((e) => want.has(e.name));
  for (const w of want) if (!declared.some((e) => e.name === w)) return { error: `${name} is missing ${w}`, hint: "the EPUB is incomplete or damaged; export or download it again" };
  const declaredTotal = declared.reduce((n, e) => n + e.originalSize, 0);
  if (declaredTotal > budget.left) {
    return { error: `${name} declares ${size(declaredTotal + budget.limit - budget.left)} of contents, more than the ${size(budget.limit)} Scentline unzips from one EPUB`, hint: BIG_HINT };
  }

  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  let failure: ManuscriptError | undefined;
  const unzip = new Unzip((file) => {
    if (!want.has(file.name) || chunks.has(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = /compression/.test(err.message)
          ? { error: `${name}: ${file.name} is compressed in a way Scentline does not read`, hint: "save the EPUB again with an ordinary (deflate) zip" }
          : damaged(name);
        return;
      }
      budget.left -= data.length;
      if (budget.left < 0) {
        failure = { error: `${name} unpacks to more than its zip directory declares and more than the ${size(budget.limit)} Scentline unzips from one EPUB`, hint: BIG_HINT };
        return;
      }
      if (data.length > 0) parts.push(data);
      if (final) done.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += PIECE) unzip.push(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
  } catch {
    failure ??= damaged(name);
  }
  if (failure) return failure;
  const out = new Map<string, Uint8Array>();
  for (const w of want) {
    if (!done.has(w)) return damaged(name);
    out.set(w, concat(chunks.get(w)!));
  }
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function damaged(name: string): ManuscriptError {
  return { error: `${name} is not a complete zip archive: it may have been cut short or damaged`, hint: "download or export the EPUB again; if it opens in an e-book reader, save a fresh copy from there" };
}

const BIG_HINT = "an EPUB this large is more likely a zip bomb than a novel; if it is genuine, split it or export its text";
