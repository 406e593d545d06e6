import { int, str, strs } from '../evidence.js';
import { article, count } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { signalOf, type Realiser } from './realiser.js';

/** What the dangerous trait means to a reader, strongest first. */
const TRAITS: ReadonlyArray<readonly [string, string]> = [
  ['ATTACHMENT_EXECUTABLE', 'a program that runs when opened'],
  ['ATTACHMENT_MACRO', 'a document with macros, small programs that run when it opens'],
  ['ATTACHMENT_HTML', 'a web page, often used to fake a sign-in form'],
  ['ATTACHMENT_ENCRYPTED_ARCHIVE', 'a locked archive, which hides its contents from scanning'],
];

/** The attachment: what it really is, and whether it hides behind another file's name. */
export const realiseAttachment: Realiser = (fact) => {
  const mismatch = signalOf(fact, 'ATTACHMENT_TYPE_MISMATCH');
  const trait = TRAITS.find(([id]) => signalOf(fact, id));
  const traitSignal = trait ? signalOf(fact, trait[0]) : undefined;
  const name = strs(mismatch ?? traitSignal, 'attachments')[0];
  if (name && (mismatch || trait)) {
    const file = linked(name, 'attachment', name);
    const ext = str(mismatch, 'extension');
    const what = trait ? trait[1] : `a different kind of file (${str(mismatch, 'detectedType') ?? 'unknown'})`;
    return finish([plain('the attachment '), file, plain(mismatch && ext ? ` looks like a .${ext} file but is really ${what}` : ` is ${what}`)]);
  }
  const rare = signalOf(fact, 'ATTACHMENT_TYPE_RARE');
  const type = str(rare, 'type');
  if (!rare || !type) return null;
  const recipient = str(rare, 'recipient');
  const before = int(rare, 'attachmentsBefore') ?? 0;
  return str(rare, 'basis') === 'sender'
    ? finish([plain(`it attaches ${article(type)} file, a type this sender never sent in ${count(before, 'earlier attachment')}`)])
    : finish([plain(`it attaches ${article(type)} file, a type `), ...(recipient ? [linked(recipient, 'recipient', recipient)] : [plain('the recipient')]), plain(' rarely receives')]);
};
