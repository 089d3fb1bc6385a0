// A machine-speed reference measured in the same run as a benchmark: push/pop pairs per second
// on a bare binary min-heap of 1,024 timestamps (typed array, no allocation). Machines differ ×2
// and more between sessions; a figure divided by this one does not.
const SIZE = 1024;

function round(ops: number): number {
  const heap = new Float64Array(SIZE + 1);
  let n = 0;
  let x = 12345;
  const push = (v: number) => {
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]! <= v) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = v;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heap[c + 1]! < heap[c]!) c++;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  for (let i = 0; i < SIZE; i++) push(i * 37);
  const t0 = performance.now();
  for (let k = 0; k < ops; k++) {
    const now = pop();
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    push(now + 1 + (x % 3000));
  }
  return ops / ((performance.now() - t0) / 1000);
}

/** Best of `rounds` rounds of `ops` pop+push pairs: heap events per second on this machine now. */
export function heapEventsPerSecond(rounds = 5, ops = 2_000_000): number {
  round(ops / 4); // warm-up
  let best = 0;
  for (let r = 0; r < rounds; r++) best = Math.max(best, round(ops));
  return best;
}
