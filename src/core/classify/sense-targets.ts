/**
 * The signals a word-sense rule may move. A rule finds them by value (a loop over the section's
 * signals by key and lookup costs a lookup per signal, one over its entries an array per signal)
 * and, only when it moves some, which is rare, looks their keys up in one more pass.
 */
import type { Role } from '../types';
import { moveHit } from './cues';
import type { Hit, Signals } from './signals';

export class SenseTargets {
  /** In the order of the section's signals. */
  private readonly hits: Hit[] = [];

  /** Adds a target; targets are added in the order of the section's signals. */
  add(hit: Hit): void {
    this.hits.push(hit);
  }

  /**
   * Moves all but `keep` of each target's weight to the side its sense belongs to (see
   * `moveHit`), in order; `only`, when given, says (by its key) whether a target moves. Returns
   * how many moved.
   */
  move(signals: Signals, keep: number, role: Role | 'none', concern: string, sense: string, only?: (key: string, hit: Hit) => boolean): number {
    const keys: string[] = [];
    signals.hits.forEach((hit, key) => {
      if (hit === this.hits[keys.length]) keys.push(key);
    });
    let moved = 0;
    for (let i = 0; i < this.hits.length; i++) {
      if (only && !only(keys[i], this.hits[i])) continue;
      moveHit(signals, keys[i], this.hits[i], keep, role, concern, sense);
      moved++;
    }
    return moved;
  }
}
