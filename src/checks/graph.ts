/**
 * Graph helpers for the dependency network: strongly connected components (cycles) and
 * topological order. Iterative, so a 100,000-item programme cannot overflow the stack.
 */

/** Tarjan's algorithm. Returns the components with more than one node, or a node linked to itself. */
export function findCycles(n: number, succ: readonly number[][]): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const work: { v: number; i: number }[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push({ v: root, i: 0 });
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1];
      const v = top.v;
      if (top.i < succ[v].length) {
        const w = succ[v][top.i++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, i: 0 });
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1 || succ[v].includes(v)) out.push(comp.reverse());
      }
    }
  }
  return out;
}

/**
 * One cycle through the component, as a path that returns to its start: [a, b, c] means
 * a → b → c → a. Found by a breadth-first search inside the component from its first node.
 */
export function cycleThrough(component: readonly number[], succ: readonly number[][]): number[] {
  const inComp = new Set(component);
  let start = component[0];
  for (const v of component) if (v < start) start = v;
  if (succ[start].includes(start)) return [start];
  const prev = new Map<number, number>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi];
    for (const w of succ[v]) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const path = [v];
        let x = v;
        while (x !== start) {
          x = prev.get(x)!;
          path.push(x);
        }
        return path.reverse();
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component];
}

/** Kahn's algorithm; nodes on cycles (not removable) are left out of the order. */
export function topologicalOrder(n: number, succ: readonly number[][]): number[] {
  const indeg = new Int32Array(n);
  for (let v = 0; v < n; v++) for (const w of succ[v]) indeg[w]++;
  const order: number[] = [];
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    for (const w of succ[order[i]]) if (--indeg[w] === 0) order.push(w);
  }
  return order;
}
