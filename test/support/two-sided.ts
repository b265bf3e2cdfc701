/** A section whose own body is strongly product (a persona and a story) and strongly project (costs, budget, invoices). */
export const TWO_SIDED_SECTION = [
  '## Budget and User Personas',
  '',
  'Our primary persona is the receptionist: her pain point is rebooking. As a receptionist, I want to move',
  'a patient in one tap, so that the queue keeps moving. Practice owners need fewer empty slots.',
  '',
  'The build costs $48,000 and hosting $400 per month; the budget keeps a 10% contingency and the grant',
  'pays the invoice in two instalments.',
  '',
].join('\n');
