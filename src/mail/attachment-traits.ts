/**
 * Traits found inside attachment bytes, for the content checks: VBA macros (OLE2 documents and
 * OOXML zips carrying `vbaProject.bin`), encrypted zip entries, executable content (PE, ELF,
 * Mach-O, script shebangs, executables inside a zip). Hand-written: only the zip central
 * directory is read (names and flags, never a decompressed byte, so no decompression bomb can
 * cost anything), with a capped entry count; everything else is a bounded byte search.
 */
import type { AttachmentTrait } from '../core/message.js';

/** Central-directory entries read per zip: names and flags only, never contents. */
export const MAX_ZIP_ENTRIES = 5000;
/** Bytes of a zip's central directory read; a larger directory is read up to here. */
export const MAX_ZIP_DIRECTORY_BYTES = 4 * 1024 * 1024;
/** The end-of-central-directory record sits within the last 64 KiB + 22 bytes of a zip. */
const EOCD_SEARCH_BYTES = 65_557;

const EXECUTABLE_NAMES = /\.(?:exe|scr|com|pif|bat|cmd|msi|dll|cpl|hta|js|jse|vbs|vbe|wsf|ps1|lnk|iso|img|vhdx?|jar|reg)$/i;

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => b.length >= sig.length && sig.every((v, i) => b[i] === v);

function buffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isExecutable(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x4d, 0x5a]) || // MZ: Windows PE
    startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O 64-bit
    startsWith(b, [0xce, 0xfa, 0xed, 0xfe]) || // Mach-O 32-bit
    startsWith(b, [0x23, 0x21]) // "#!" script
  );
}

interface ZipDirectory {
  readonly names: readonly string[];
  readonly anyEncrypted: boolean;
}

/** Reads the central directory's names and flags; null when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const buf = buffer(bytes);
  const searchFrom = Math.max(0, buf.length - EOCD_SEARCH_BYTES);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), buf.length - 22);
  if (eocd < searchFrom || eocd + 22 > buf.length) return null;
  const total = buf.readUInt16LE(eocd + 10);
  const size = Math.min(buf.readUInt32LE(eocd + 12), MAX_ZIP_DIRECTORY_BYTES);
  const offset = buf.readUInt32LE(eocd + 16);
  const end = Math.min(buf.length, offset + size);
  const names: string[] = [];
  let anyEncrypted = false;
  let at = offset;
  for (let i = 0; i < Math.min(total, MAX_ZIP_ENTRIES) && at + 46 <= end; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) break;
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) break;
    // Bit 0 of the general-purpose flag: the entry is encrypted (ZipCrypto or AES).
    if ((flags & 1) === 1) anyEncrypted = true;
    names.push(buf.toString('latin1', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { names, anyEncrypted };
}

// OLE2 directory entries are UTF-16LE: a VBA project stores a `_VBA_PROJECT` stream.
const OLE_VBA = Buffer.from('_VBA_PROJECT', 'utf16le');

export function attachmentTraits(bytes: Uint8Array): AttachmentTrait[] {
  const traits = new Set<AttachmentTrait>();
  if (isExecutable(bytes)) traits.add('executable');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && buffer(bytes).includes(OLE_VBA)) traits.add('macro');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = readZipDirectory(bytes);
    if (zip) {
      if (zip.anyEncrypted) traits.add('encrypted');
      if (zip.names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) traits.add('macro');
      if (zip.names.some((n) => EXECUTABLE_NAMES.test(n))) traits.add('executable');
    }
  }
  return [...traits].sort();
}
