import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';

function drain(q: EventQueue): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  while (q.pop()) out.push([q.time, q.type, q.a]);
  return out;
}

describe('EventQueue', () => {
  it('keeps more than ten simultaneous events in insertion order', () => {
    const q = new EventQueue(4);
    for (let i = 0; i < 50; i++) q.push(1000, 3, 1, i, 0);
    const out = drain(q);
    expect(out.map((e) => e[2])).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('orders by time, then priority, then insertion, interleaved with other events', () => {
    const q = new EventQueue(2);
    const expected: Array<[number, number, number]> = [];
    let id = 0;
    const pushes: Array<[number, number, number]> = [];
    for (let i = 0; i < 12; i++) pushes.push([500, 2, id++]);
    for (let i = 0; i < 12; i++) pushes.push([500, 1, id++]);
    pushes.push([499, 9, id++], [501, 0, id++]);
    for (let i = 0; i < 12; i++) pushes.push([500, 2, id++]);
    for (const [t, p, a] of pushes) q.push(t, p, p, a, 0);
    const sorted = pushes
      .map((e, seq) => ({ e, seq }))
      .sort((x, y) => x.e[0] - y.e[0] || x.e[1] - y.e[1] || x.seq - y.seq);
    for (const { e } of sorted) expected.push([e[0], e[1], e[2]]);
    expect(drain(q)).toEqual(expected);
  });

  it('matches a reference sort on random pushes and pops', () => {
    const q = new EventQueue(8);
    const ref: Array<{ t: number; p: number; s: number; a: number }> = [];
    let x = 99;
    const rand = (m: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x % m;
    };
    let seq = 0;
    let now = 0;
    for (let step = 0; step < 6000; step++) {
      if (ref.length === 0 || rand(3) > 0) {
        const t = now + rand(50);
        const p = rand(16);
        q.push(t, p, 0, seq, 0);
        ref.push({ t, p, s: seq, a: seq });
        seq++;
      } else {
        ref.sort((m, n) => m.t - n.t || m.p - n.p || m.s - n.s);
        const want = ref.shift()!;
        expect(q.pop()).toBe(true);
        expect([q.time, q.a]).toEqual([want.t, want.a]);
        now = q.time;
      }
    }
    expect(q.size).toBe(ref.length);
    expect(q.peekTime()).toBe(Math.min(...ref.map((r) => r.t)));
  });

  it('handles the largest time and clears', () => {
    const q = new EventQueue(1);
    q.push(2 ** 21 - 1, 15, 7, -1, -2);
    q.push(0, 0, 1, 0, 0);
    expect(drain(q)).toEqual([
      [0, 1, 0],
      [2 ** 21 - 1, 7, -1],
    ]);
    q.push(5, 0, 0, 0, 0);
    q.clear();
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });
});
