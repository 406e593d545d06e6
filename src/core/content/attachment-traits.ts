import type { Attachment } from '../message.js';

/**
 * What an attachment is, judged from its name, its declared and sniffed types and the traits
 * the parser found in its bytes (`Attachment.traits`: 'macro', 'encrypted', 'executable').
 * Extension tables are content knowledge, kept small and here.
 */

/** Names that run code when opened on common desktops (scripts, installers, shortcuts, disk images). */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'scr', 'com', 'pif', 'bat', 'cmd', 'msi', 'dll', 'cpl', 'hta', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh',
  'ps1', 'psm1', 'lnk', 'iso', 'img', 'vhd', 'vhdx', 'jar', 'reg', 'scf', 'appx', 'msix', 'one', 'chm', 'xll',
]);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'shtml', 'xhtml', 'svg', 'mht', 'mhtml']);
const MACRO_EXTENSIONS = new Set(['docm', 'xlsm', 'pptm', 'dotm', 'xltm', 'xlam', 'ppam', 'potm']);

/** The sniffed types each extension may legitimately carry; an extension absent here is not judged. */
const EXPECTED_TYPES: Readonly<Record<string, readonly string[]>> = {
  pdf: ['application/pdf'],
  doc: ['application/x-ole-storage', 'application/rtf'],
  xls: ['application/x-ole-storage'],
  ppt: ['application/x-ole-storage'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/zip'],
  zip: ['application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.oasis.opendocument'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  rtf: ['application/rtf'],
  rar: ['application/vnd.rar'],
  '7z': ['application/x-7z-compressed'],
  gz: ['application/gzip'],
  txt: [],
  csv: [],
};

const EXECUTABLE_TYPES = new Set(['application/x-msdownload', 'application/x-elf', 'application/x-iso9660-image']);

export interface AttachmentFacts {
  readonly name: string;
  readonly extension: string;
  /** What the model learns per attachment: the sniffed type, else the declared one. */
  readonly type: string;
  readonly executable: boolean;
  readonly html: boolean;
  readonly macro: boolean;
  readonly encrypted: boolean;
  /** The sniffed type contradicts the name's extension (e.g. an executable named .pdf). */
  readonly typeMismatch: boolean;
}

/** Attachments examined per message (the parser keeps up to MAX_ATTACHMENTS). */
export const MAX_ATTACHMENTS_EXAMINED = 50;

export function extensionOf(filename: string | null): string {
  if (!filename) return '';
  const base = filename.trim().replace(/[.\s]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The attachment's type as the model profiles it: sniffed bytes win over what the sender declared. */
export function attachmentType(a: Attachment): string {
  return a.detectedType ?? a.declaredType;
}

export function attachmentFacts(a: Attachment): AttachmentFacts {
  const extension = extensionOf(a.filename);
  const traits = a.traits ?? [];
  const detected = a.detectedType;
  const expected = EXPECTED_TYPES[extension];
  return {
    name: a.filename ?? '(unnamed)',
    extension,
    type: attachmentType(a),
    executable: traits.includes('executable') || EXECUTABLE_EXTENSIONS.has(extension) || (detected !== null && EXECUTABLE_TYPES.has(detected)),
    html: HTML_EXTENSIONS.has(extension) || detected === 'text/html' || a.declaredType === 'text/html',
    macro: traits.includes('macro') || MACRO_EXTENSIONS.has(extension),
    encrypted: traits.includes('encrypted'),
    typeMismatch: expected !== undefined && detected !== null && !expected.includes(detected),
  };
}

/** Attachments worth judging: real files, not inline images of a signature. */
export function examinedAttachments(list: readonly Attachment[]): Attachment[] {
  return list.filter((a) => a.disposition !== 'inline' || a.filename !== null).slice(0, MAX_ATTACHMENTS_EXAMINED);
}
