/** A small integral max-flow (Dinic) for the slot apportionment; deterministic: edges are tried in insertion order. */

export class MaxFlow {
  private head: number[] = [];
  private to: number[] = [];
  private cap: number[] = [];
  private next: number[] = [];
  private level: number[] = [];
  private iter: number[] = [];
  private tail: number[];

  constructor(private nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
    this.tail = new Array<number>(nodes).fill(-1);
  }

  /** Adds edge u→v with an integer capacity; returns its index (read the flow with flowOn). */
  addEdge(u: number, v: number, capacity: number): number {
    const e = this.to.length;
    this.push(u, v, capacity);
    this.push(v, u, 0);
    return e;
  }

  /** Flow on an edge returned by addEdge = the capacity of its reverse residual edge. */
  flowOn(edge: number): number {
    return this.cap[edge ^ 1];
  }

  /** Augments the current flow to a maximum and returns how much was added. */
  run(s: number, t: number): number {
    let total = 0;
    while (this.bfs(s, t)) {
      this.iter = [...this.head];
      for (let f = this.dfs(s, t, Infinity); f > 0; f = this.dfs(s, t, Infinity)) total += f;
    }
    return total;
  }

  /** Appends an edge to u's list (a tail pointer keeps insertion order, hence determinism). */
  private push(u: number, v: number, c: number): void {
    const e = this.to.length;
    this.to.push(v);
    this.cap.push(c);
    this.next.push(-1);
    if (this.head[u] === -1) this.head[u] = e;
    else this.next[this.tail[u]] = e;
    this.tail[u] = e;
  }

  private bfs(s: number, t: number): boolean {
    this.level = new Array<number>(this.nodes).fill(-1);
    this.level[s] = 0;
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      for (let e = this.head[u]; e !== -1; e = this.next[e]) {
        if (this.cap[e] > 0 && this.level[this.to[e]] < 0) {
          this.level[this.to[e]] = this.level[u] + 1;
          queue.push(this.to[e]);
        }
      }
    }
    return this.level[t] >= 0;
  }

  /** One augmenting path along the level graph (iterative, so long paths cannot overflow the stack). */
  private dfs(s: number, t: number, limit: number): number {
    const path: number[] = [];
    let u = s;
    for (;;) {
      if (u === t) {
        let f = limit;
        for (const e of path) f = Math.min(f, this.cap[e]);
        for (const e of path) {
          this.cap[e] -= f;
          this.cap[e ^ 1] += f;
        }
        return f;
      }
      let e = this.iter[u];
      while (e !== -1 && !(this.cap[e] > 0 && this.level[this.to[e]] === this.level[u] + 1)) e = this.next[e];
      this.iter[u] = e;
      if (e !== -1) {
        path.push(e);
        u = this.to[e];
        continue;
      }
      // Dead end: retreat and skip the edge that led here.
      this.level[u] = -1;
      if (path.length === 0) return 0;
      const back = path.pop() as number;
      u = this.to[back ^ 1];
      this.iter[u] = this.next[this.iter[u]];
    }
  }
}
