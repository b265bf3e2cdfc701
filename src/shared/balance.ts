/**
 * A document's balance of words: how many belong to product sections, to project sections and to
 * neither, with whole percentages of all its words. The status bar and the Ownership Summary panel
 * both show this one figure, so they always agree for a document.
 *
 * No DOM and no Node: the extension host (desktop and web) and the webview both import it.
 */

export interface WordCounts {
  readonly product: number;
  readonly project: number;
  readonly neither: number;
}

export interface Balance extends WordCounts {
  readonly total: number;
  /** Whole percentages of all words that add up to 100 (all 0 when there are no words). */
  readonly percent: WordCounts;
}

/** Words per side and whole percentages that sum to 100 (largest remainder). */
export function balanceOf(words: WordCounts): Balance {
  const total = words.product + words.project + words.neither;
  const counts = { product: words.product, project: words.project, neither: words.neither };
  if (total <= 0) return { ...counts, total: 0, percent: { product: 0, project: 0, neither: 0 } };
  const keys = ['product', 'project', 'neither'] as const;
  const exact = keys.map((k) => (words[k] / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => exact[b] - floors[b] - (exact[a] - floors[a]));
  for (const i of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return { ...counts, total, percent: { product: floors[0], project: floors[1], neither: floors[2] } };
}

/** The balance in one line (`Product 59% · Project 36% · Neither 5%`) and its word counts. */
export function balanceText(balance: Balance): { readonly text: string; readonly tooltip: string } {
  const { percent } = balance;
  const text =
    balance.product + balance.project > 0
      ? `Product ${percent.product}% · Project ${percent.project}%${percent.neither > 0 ? ` · Neither ${percent.neither}%` : ''}`
      : 'No owned sections';
  const words = (n: number): string => `${Math.round(n)} word${Math.round(n) === 1 ? '' : 's'}`;
  return { text, tooltip: `Product ${words(balance.product)}, project ${words(balance.project)}, neither ${words(balance.neither)}` };
}
