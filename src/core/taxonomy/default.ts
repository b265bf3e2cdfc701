import { taxonomySchema, type Taxonomy } from './types';

/** The built-in taxonomy: twelve concerns, six a side, and a neutral vocabulary. */
export const defaultTaxonomy: Taxonomy = taxonomySchema.parse({
  concerns: {
    vision: { role: 'product', label: 'Vision', description: 'Why the product exists and where it is going', headingTerms: ['vision', 'overview', 'goals'] },
    'user-needs': { role: 'product', label: 'User needs', description: 'Who the users are and what they need', headingTerms: ['user', 'persona', 'problem'] },
    market: { role: 'product', label: 'Market', description: 'Market, competitors and positioning', headingTerms: ['market', 'compet'] },
    requirements: { role: 'product', label: 'Requirements', description: 'What the product must do', headingTerms: ['requirement', 'feature'] },
    metrics: { role: 'product', label: 'Metrics', description: 'Outcome metrics and targets', headingTerms: ['metric', 'kpi', 'success'] },
    strategy: { role: 'product', label: 'Strategy', description: 'Product strategy and positioning choices', headingTerms: ['strategy'] },
    schedule: { role: 'project', label: 'Schedule', description: 'Plans, milestones and dates', headingTerms: ['schedule', 'timeline', 'milestone'] },
    budget: { role: 'project', label: 'Budget', description: 'Costs and funding', headingTerms: ['budget', 'cost'] },
    resources: { role: 'project', label: 'Resources', description: 'People, roles and allocation', headingTerms: ['resource', 'team', 'staff'] },
    risks: { role: 'project', label: 'Risks', description: 'Risks, likelihood, impact and mitigation', headingTerms: ['risk'] },
    status: { role: 'project', label: 'Status', description: 'Progress and status reporting', headingTerms: ['status', 'progress'] },
    deliverables: { role: 'project', label: 'Deliverables', description: 'What is delivered and when', headingTerms: ['deliverable'] },
  },
  neutral: { headingTerms: ['glossary', 'references', 'architecture'], bodyTerms: [] },
});
