import { describe, expect, it } from 'vitest';
import { makeZip } from '../../test/helpers/zip-builder.js';
import { attachmentTraits, MAX_ZIP_ENTRIES, readZipDirectory } from './attachment-traits.js';

describe('attachmentTraits', () => {
  it('finds VBA in OOXML (vbaProject.bin) and OLE2 (_VBA_PROJECT) documents', () => {
    expect(attachmentTraits(makeZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }, { name: 'word/vbaProject.bin' }]))).toEqual(['macro']);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('_VBA_PROJECT', 'utf16le')]);
    expect(attachmentTraits(ole)).toEqual(['macro']);
  });

  it('finds encrypted zip entries and executables, alone or inside a zip', () => {
    expect(attachmentTraits(makeZip([{ name: 'invoice.pdf', encrypted: true }]))).toEqual(['encrypted']);
    expect(attachmentTraits(makeZip([{ name: 'invoice.pdf.exe' }]))).toEqual(['executable']);
    expect(attachmentTraits(Buffer.from('MZ\x90\x00rest of a PE', 'latin1'))).toEqual(['executable']);
  });

  it('stays quiet on a plain document, and on garbage claiming to be a zip', () => {
    expect(attachmentTraits(makeZip([{ name: 'word/document.xml' }]))).toEqual([]);
    expect(attachmentTraits(Buffer.from('%PDF-1.7\n...'))).toEqual([]);
    expect(attachmentTraits(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual([]);
  });

  it('reads at most MAX_ZIP_ENTRIES names from a huge directory', () => {
    const many = makeZip(Array.from({ length: MAX_ZIP_ENTRIES + 100 }, (_, i) => ({ name: `f${i}.txt` })));
    expect(readZipDirectory(many)?.names).toHaveLength(MAX_ZIP_ENTRIES);
  });
});
