/** A record key is 96 bits: 12 characters of one byte each (a digest's first 12 bytes read as latin1). */
export const RECORD_KEY_CHARS = 12;

const INITIAL_SLOTS = 1024;

/**
 * The distinct record keys of one organisation, in flat typed arrays instead of a `Set<string>`: a million keys as
 * strings cost about 100 MB of heap (a string object and a hash-table entry each) and the garbage collector's time;
 * here they cost 13 bytes per slot, at most twice as many slots as keys (open addressing, linear probing). The keys
 * are digests, so their first 32 bits are already uniform and serve as the slot index.
 */
export class RecordKeySet {
  private words = new Uint32Array(INITIAL_SLOTS * 3);
  private used = new Uint8Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a key of {@link RECORD_KEY_CHARS} one-byte characters; anything else is a programming error. */
  add(key: string): void {
    if (key.length !== RECORD_KEY_CHARS) throw new Error(`a record key has ${RECORD_KEY_CHARS} characters`);
    const a = pack(key, 0);
    const b = pack(key, 4);
    const c = pack(key, 8);
    if (this.insert(a, b, c) && ++this.count * 2 > this.mask + 1) this.grow();
  }

  /** True when the key was new. */
  private insert(a: number, b: number, c: number): boolean {
    const { words, used, mask } = this;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      if (used[slot] === 0) {
        used[slot] = 1;
        words[slot * 3] = a;
        words[slot * 3 + 1] = b;
        words[slot * 3 + 2] = c;
        return true;
      }
      if (words[slot * 3] === a && words[slot * 3 + 1] === b && words[slot * 3 + 2] === c) return false;
    }
  }

  private grow(): void {
    const { words, used } = this;
    const slots = used.length * 2;
    this.words = new Uint32Array(slots * 3);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot] === 1) this.insert(words[slot * 3]!, words[slot * 3 + 1]!, words[slot * 3 + 2]!);
    }
  }
}

function pack(key: string, at: number): number {
  const c0 = key.charCodeAt(at);
  const c1 = key.charCodeAt(at + 1);
  const c2 = key.charCodeAt(at + 2);
  const c3 = key.charCodeAt(at + 3);
  if ((c0 | c1 | c2 | c3) > 0xff) throw new Error('a record key has one-byte characters only');
  return (c0 | (c1 << 8) | (c2 << 16) | (c3 << 24)) >>> 0;
}
