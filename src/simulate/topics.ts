/** Subjects and sentences for legitimate traffic, by department and relationship. */
import type { Department } from './org.js';

export const INTERNAL_TOPICS: Readonly<Record<Department, readonly string[]>> = {
  exec: ['Board pack draft', 'Q3 planning offsite', 'Hiring plan review', 'Investor update', 'Leadership sync agenda', 'Budget sign-off'],
  finance: ['Month-end close checklist', 'Accruals for {month}', 'Expense report questions', 'Payment run Thursday', 'VAT return prep', 'Budget variance', 'Supplier statement reconciliation'],
  sales: ['Pipeline review', 'Deal desk: discount approval', 'Renewal forecast', 'Demo prep for {customer}', 'Pricing sheet update', 'Territory planning', 'Quarterly business review slides'],
  engineering: ['Release 4.{n} checklist', 'Incident review: API latency', 'Code review for the billing service', 'On-call handover', 'Migration plan for the staging cluster', 'Design doc: search indexing', 'Flaky test triage', 'Sprint planning'],
  operations: ['Office move logistics', 'New starter onboarding', 'Fire drill on Friday', 'Laptop refresh order', 'Holiday calendar', 'Kitchen supplies', 'Benefits enrolment window'],
};

export const OPENERS = ['Hi {name},', 'Hello {name},', '{name},', 'Hi {name}', 'Morning {name},', 'Dear {name},'];

export const INTERNAL_LINES = [
  'Could you take a look at the attached notes before our meeting?',
  'I have updated the document with the figures we discussed.',
  'Can we move this to Thursday? Wednesday is packed for me.',
  'Quick reminder that this is due by the end of the week.',
  'I think we are almost there, just two open points left.',
  'Let me know if anything looks off to you.',
  'Thanks for pulling this together so quickly.',
  'I added a few comments inline; nothing blocking.',
  'Happy to discuss on a call if that is easier.',
  'The numbers look consistent with last month.',
  'I will circulate the final version tomorrow morning.',
  'Can you confirm who owns the follow-up on this?',
];

export const REPLY_LINES = [
  'Thanks, that works for me.',
  'Looks good. One small question below.',
  'Sure, I will have it done by tomorrow.',
  'Agreed. Let us go with option B.',
  'Thanks! I have made the change.',
  'Noted, I will follow up with the team.',
  'Sounds good, see you then.',
  'I have checked and it all matches.',
  'Perfect, thank you.',
  'Can we talk about this briefly after lunch?',
];

export const CUSTOMER_TOPICS = ['Question about our subscription', 'Renewal quote request', 'Adding ten more seats', 'Integration question', 'Invoice copy needed', 'Feature request: export to CSV', 'Onboarding session for new team', 'Contract amendment'];
export const OUTBOUND_CUSTOMER_TOPICS = ['Proposal for {customer}', 'Follow-up from our call', 'Your renewal quote', 'Quarterly business review', 'Release notes and roadmap', 'Meeting notes and next steps'];
export const VENDOR_TOPICS = ['Order confirmation {ref}', 'Delivery scheduled for {day}', 'Service visit next week', 'Updated price list', 'Your account statement', 'Order {ref} dispatched'];
export const OUTBOUND_VENDOR_TOPICS = ['Purchase order {ref}', 'Quote request', 'Question about order {ref}', 'Delivery address change', 'Service ticket: printer on floor 2', 'Renewal of our agreement'];
export const PARTNER_TOPICS = ['Project steering notes', 'Draft engagement letter', 'Audit fieldwork schedule', 'Board introduction', 'Term sheet comments', 'Implementation status'];

export const FIRST_CONTACT_LINES = [
  'We came across your product at the trade fair last month and would like to learn more about pricing for a team of about 25 people.',
  'A colleague recommended your company. Could you send me some information about your services and a rough quote?',
  'We are evaluating vendors for our data pipeline and would like to schedule a demo.',
  'I run a small consultancy and we are interested in a pilot. Who would be the right person to talk to?',
];

export const NEWSLETTER_HEADLINES = [
  'Five trends to watch this quarter', 'What the new regulations mean for you', 'Interview: scaling a team from 10 to 100', 'Our readers\u2019 top tools this month',
  'The case for boring technology', 'How to run a better weekly review', 'Numbers that matter this week', 'Ten minutes on risk',
];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}
