/**
 * Graph helpers for the dependency network: strongly connected components (cycles) and
 * topological order. Iterative, so a 100,000-item programme cannot overflow the stack.
 * The network is held compressed (CSR): the links out of node v are link numbers
 * `link[start[v]] … link[start[v + 1] - 1]`, with their far ends in `node` at the same positions.
 */
export interface Adjacency {
  start: Int32Array;
  /** The node at the far end of each entry. */
  node: Int32Array;
  /** The link each entry stands for. */
  link: Int32Array;
}

/** Links j = 0… from `from[j]` to `to[j]`, grouped by `from` (those `keep` accepts), in link order. */
export function adjacency(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  keep: (j: number) => boolean = () => true,
): Adjacency {
  const start = new Int32Array(n + 1);
  const kept = new Uint8Array(from.length);
  for (let j = 0; j < from.length; j++) {
    if (!keep(j)) continue;
    kept[j] = 1;
    start[from[j] + 1]++;
  }
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const node = new Int32Array(start[n]);
  const link = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  for (let j = 0; j < from.length; j++) {
    if (!kept[j]) continue;
    const k = fill[from[j]]++;
    node[k] = to[j];
    link[k] = j;
  }
  return { start, node, link };
}

/** Tarjan's algorithm. Returns the components with more than one node, or a node linked to itself. */
export function findCycles(n: number, g: Adjacency): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  // The depth-first walk as two parallel stacks: the node, and the next of its entries to visit.
  const workV = new Int32Array(n);
  const workK = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    workV[0] = root;
    workK[0] = g.start[root];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = workV[depth];
      if (workK[depth] < g.start[v + 1]) {
        const w = g.node[workK[depth]++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth++;
          workV[depth] = w;
          workK[depth] = g.start[w];
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = workV[depth];
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
        if (comp.length > 1 || linksTo(g, v, v)) out.push(comp.reverse());
      }
    }
  }
  return out;
}

function linksTo(g: Adjacency, v: number, w: number): boolean {
  for (let k = g.start[v]; k < g.start[v + 1]; k++) if (g.node[k] === w) return true;
  return false;
}

/**
 * One cycle through the component, as a path that returns to its start: [a, b, c] means
 * a → b → c → a. Found by a breadth-first search inside the component from its first node.
 */
export function cycleThrough(component: readonly number[], g: Adjacency): number[] {
  const inComp = new Set(component);
  let start = component[0];
  for (const v of component) if (v < start) start = v;
  if (linksTo(g, start, start)) return [start];
  const prev = new Map<number, number>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi];
    for (let k = g.start[v]; k < g.start[v + 1]; k++) {
      const w = g.node[k];
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
export function topologicalOrder(n: number, g: Adjacency): Int32Array {
  const indeg = new Int32Array(n);
  for (let k = 0; k < g.node.length; k++) indeg[g.node[k]]++;
  const order = new Int32Array(n);
  let len = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order[len++] = v;
  for (let i = 0; i < len; i++) {
    const v = order[i];
    for (let k = g.start[v]; k < g.start[v + 1]; k++) if (--indeg[g.node[k]] === 0) order[len++] = g.node[k];
  }
  return order.subarray(0, len);
}
