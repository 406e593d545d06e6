import { describe, expect, it } from 'vitest';
import { sniffType } from './sniff.js';

const b = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffType', () => {
  it.each([
    [b('%PDF-1.4\n'), 'application/pdf'],
    [b([0x50, 0x4b, 3, 4], 'xxxx[Content_Types].xmlword/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [b([0x50, 0x4b, 3, 4], 'xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [b([0x50, 0x4b, 3, 4], 'readme.txt'), 'application/zip'],
    [b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/x-ole-storage'],
    [b('MZ\x90\x00'), 'application/x-msdownload'],
    [b([0x7f], 'ELF'), 'application/x-elf'],
    [b([0x89], 'PNG\r\n\x1a\n'), 'image/png'],
    [b([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [b('GIF89a'), 'image/gif'],
    [b('Rar!\x1a\x07\x01'), 'application/vnd.rar'],
    [b([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'application/x-7z-compressed'],
    [b([0x1f, 0x8b, 8]), 'application/gzip'],
    [b(Array.from({ length: 0x8001 }, () => 0), 'CD001'), 'application/x-iso9660-image'],
    [b('{\\rtf1\\ansi'), 'application/rtf'],
    [b('\n  <!DOCTYPE html><html>'), 'text/html'],
    [b('just text'), null],
    [b(''), null],
  ])('%#', (bytes, type) => {
    expect(sniffType(bytes)).toBe(type);
  });
});
