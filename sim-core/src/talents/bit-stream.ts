/**
 * The bit stream of Blizzard's export strings (Interface/AddOns/Blizzard_SharedXMLBase/
 * ExportUtil.lua): each character is one 6-bit value of the alphabet below (the standard base64
 * alphabet, but no bytes: the bits are read straight from the 6-bit values), values are packed
 * least significant bit first, and a value may straddle two characters.
 */
export const EXPORT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BITS_PER_CHAR = 6;

const VALUE_OF = new Map([...EXPORT_ALPHABET].map((c, i) => [c, i]));

/** Reads values of a given bit width; past the end it reports `overrun` instead of inventing bits. */
export class BitReader {
  private readonly values: number[];
  private head = 0;
  overrun = false;

  /** Throws RangeError on a character outside the alphabet (its index). */
  constructor(text: string) {
    this.values = [];
    for (let i = 0; i < text.length; i++) {
      const v = VALUE_OF.get(text[i]!);
      if (v === undefined) throw new RangeError(String(i));
      this.values.push(v);
    }
  }

  get totalBits(): number {
    return this.values.length * BITS_PER_CHAR;
  }

  get position(): number {
    return this.head;
  }

  read(width: number): number {
    let out = 0;
    for (let i = 0; i < width; i++) {
      const c = Math.floor(this.head / BITS_PER_CHAR);
      if (c >= this.values.length) this.overrun = true;
      else out += ((this.values[c]! >> (this.head % BITS_PER_CHAR)) & 1) * 2 ** i;
      this.head++;
    }
    return out;
  }

  /** True when every bit after the read position is 0 (an export pads its last character with 0s). */
  restIsZero(): boolean {
    while (this.head < this.totalBits) if (this.read(1) !== 0) return false;
    return true;
  }
}

export class BitWriter {
  private readonly out: string[] = [];
  private current = 0;
  private used = 0;

  write(width: number, value: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width)
      throw new RangeError(`${value} does not fit in ${width} bits`);
    let rest = value;
    for (let i = 0; i < width; i++) {
      this.current |= (rest % 2) << this.used;
      rest = Math.floor(rest / 2);
      if (++this.used === BITS_PER_CHAR) this.flush();
    }
  }

  private flush(): void {
    this.out.push(EXPORT_ALPHABET[this.current]!);
    this.current = 0;
    this.used = 0;
  }

  /** The text so far, the last character padded with 0 bits. */
  finish(): string {
    if (this.used > 0) this.flush();
    return this.out.join('');
  }
}
