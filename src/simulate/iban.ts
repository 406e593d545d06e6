/**
 * IBANs with valid ISO 13616 check digits, so a content check that validates them (or compares
 * them across a vendor's invoices) sees realistic bank details rather than random strings.
 */
import type { Rng } from './rng.js';

/** mod 97 of a long digit string, in chunks (too long for a double). */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(String(rest) + digits.slice(i, i + 7)) % 97;
  return rest;
}

const toDigits = (text: string): string => [...text.toUpperCase()].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');

export function ibanCheckDigits(country: string, bban: string): string {
  return String(98 - mod97(toDigits(`${bban}${country}00`))).padStart(2, '0');
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '');
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact) && mod97(toDigits(compact.slice(4) + compact.slice(0, 4))) === 1;
}

/** Printed in groups of four, as on an invoice. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

export interface BankAccount {
  readonly iban: string;
  readonly bic: string;
  readonly bank: string;
}

const BANKS: ReadonlyArray<{ country: string; bank: string; bic: string; bban: (rng: Rng) => string }> = [
  { country: 'DE', bank: 'Nordhafen Bank', bic: 'NORHDEFFXXX', bban: (r) => `37040044${r.digits(10)}` },
  { country: 'NL', bank: 'Polderkrediet', bic: 'PLDKNL2A', bban: (r) => `PLDK${r.digits(10)}` },
  { country: 'GB', bank: 'Thameside Bank', bic: 'THMSGB2L', bban: (r) => `THMS${r.digits(6)}${r.digits(8)}` },
  { country: 'FR', bank: 'Banque des Tilleuls', bic: 'BTILFRPP', bban: (r) => `30004${r.digits(5)}${r.digits(11)}${r.digits(2)}` },
  { country: 'IE', bank: 'Liffey Mutual', bic: 'LIFMIE2D', bban: (r) => `LIFM${r.digits(6)}${r.digits(8)}` },
];

/** A fresh account; `country` pins the bank's country (a mule account is often elsewhere). */
export function makeAccount(rng: Rng, country?: string): BankAccount {
  const options = country ? BANKS.filter((b) => b.country === country) : BANKS;
  const bank = rng.pick(options.length > 0 ? options : BANKS);
  const bban = bank.bban(rng);
  return { iban: `${bank.country}${ibanCheckDigits(bank.country, bban)}${bban}`, bic: bank.bic, bank: bank.bank };
}
