import { sectionAt } from './helpers';
import type { Rule } from './rule';

/** Malformed owner tags, directives and front matter: unknown roles, concerns or rule ids. */
export const invalidTag: Rule = {
  id: 'invalid-tag',
  defaultSeverity: 'error',
  description: 'An owner tag, directive or front matter that PM Lens cannot read: unknown role, concern, rule id or kind, or malformed',
  check(context, report) {
    for (const problem of context.problems) {
      const { suggestion } = problem;
      report({
        section: sectionAt(context.sections, problem.range.start.offset),
        range: problem.range,
        message: problem.message,
        fixes: suggestion ? [{ title: suggestion.title, edits: [{ range: problem.range, newText: suggestion.newText }], preferred: true, unattended: true }] : [],
      });
    }
  },
};
