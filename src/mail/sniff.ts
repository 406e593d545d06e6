/**
 * Detects a file's real type from its first bytes, so an `.exe` named `invoice.pdf` is seen
 * for what it is. Hand-written rather than a dependency (e.g. `file-type`): we need ~20 fixed
 * signatures, want it synchronous, dependency-free and bounded to a fixed window of bytes, and
 * want office-zip and ISO detection tuned to the attachment types that matter for mail.
 */
import { SNIFF_BYTES } from './limits.js';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

function latin1(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.length)).toString('latin1');
}

/** Which OOXML flavour a zip is, judged by the part names stored in its (uncompressed) directory. */
function zipFlavour(bytes: Uint8Array): string {
  const head = latin1(bytes, SNIFF_BYTES);
  if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (head.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'application/vnd.oasis.opendocument';
  return 'application/zip';
}

export function sniffType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipFlavour(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (startsWith(bytes, ascii('MZ'))) return 'application/x-msdownload';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-elf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return 'application/vnd.rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'application/gzip';
  // ISO 9660 puts its volume descriptor at 0x8001; UDF images carry it at the same place.
  if (startsWith(bytes, ascii('CD001'), 0x8001)) return 'application/x-iso9660-image';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'application/rtf';
  const text = latin1(bytes, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<script|<iframe|<meta)/.test(text)) return 'text/html';
  return null;
}
