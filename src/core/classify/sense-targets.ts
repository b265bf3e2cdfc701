/**
 * The signals a word-sense rule may move, with their keys. Most sections hold none, so a rule
 * makes one only when it finds the first; two flat lists, not a pair per signal.
 */
import type { Role } from '../types';
import { moveHit } from './cues';
import type { Hit, Signals } from './signals';

export class SenseTargets {
  private readonly keys: string[] = [];
  private readonly hits: Hit[] = [];

  get size(): number {
    return this.hits.length;
  }

  add(key: string, hit: Hit): void {
    this.keys.push(key);
    this.hits.push(hit);
  }

  /** Moves all but `keep` of each target's weight to the side its sense belongs to (see `moveHit`), in the order they were found. */
  move(signals: Signals, keep: number, role: Role | 'none', concern: string, sense: string): void {
    for (let i = 0; i < this.hits.length; i++) moveHit(signals, this.keys[i], this.hits[i], keep, role, concern, sense);
  }
}
