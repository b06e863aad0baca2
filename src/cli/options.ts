/**
 * Parsers for option values shared by the commands. A value of the wrong form is a mistake in the
 * command line: commander reports it and the exit status is 2.
 */
import { InvalidArgumentError } from "commander";
import { parseMoment } from "../core/time.js";

export const MAX_SEED = 0xffffffff;

/** --seed: a whole number. */
export function seedOption(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) > MAX_SEED) throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_SEED}`);
  return Number(text);
}

/** A moment: checks the form only; the project's start gives it a date later. */
export function momentOption(text: string): string {
  if (parseMoment(text, 0) === undefined) throw new InvalidArgumentError("expected a date (2027-03-01, 2027-03-01T14:00) or a time after the start (1y, +90d, 6mo)");
  return text;
}
