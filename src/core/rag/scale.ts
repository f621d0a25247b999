/**
 * RAG ratings. Blue means done (complete); it ranks best, so a finished project
 * never drags a roll-up down.
 */
export type Rag = "Blue" | "Green" | "Amber" | "Red";

export const RAG_ORDER: readonly Rag[] = ["Blue", "Green", "Amber", "Red"];

/** Higher is worse: Blue 0, Green 1, Amber 2, Red 3. */
export function ragRank(r: Rag): number {
  return RAG_ORDER.indexOf(r);
}

export function worstRag(rags: Iterable<Rag | null | undefined>): Rag | null {
  let worst: Rag | null = null;
  for (const r of rags) if (r && (worst === null || ragRank(r) > ragRank(worst))) worst = r;
  return worst;
}

/**
 * The most common rating; a tie goes to the worse one. Blue (done) is left out unless every
 * member is Blue: finished work says nothing about how the rest is going.
 */
export function majorityRag(rags: Iterable<Rag | null | undefined>): Rag | null {
  const counts = new Map<Rag, number>();
  let all = 0;
  for (const r of rags)
    if (r) {
      counts.set(r, (counts.get(r) ?? 0) + 1);
      all++;
    }
  if (all > 0 && counts.get("Blue") === all) return "Blue";
  counts.delete("Blue");
  let best: Rag | null = null;
  let bestCount = 0;
  for (const r of RAG_ORDER) {
    const c = counts.get(r) ?? 0;
    if (c > 0 && c >= bestCount) {
      best = r;
      bestCount = c;
    }
  }
  return best;
}

/** True when a is a better (less severe) rating than b. */
export function isBetter(a: Rag, b: Rag): boolean {
  return ragRank(a) < ragRank(b);
}

const WORDS: Record<string, Rag> = {
  r: "Red",
  red: "Red",
  a: "Amber",
  amber: "Amber",
  y: "Amber",
  yellow: "Amber",
  ag: "Amber",
  "amber/green": "Amber",
  "amber-green": "Amber",
  ar: "Red",
  "amber/red": "Red",
  "red/amber": "Red",
  g: "Green",
  green: "Green",
  b: "Blue",
  blue: "Blue",
  complete: "Blue",
  completed: "Blue",
  done: "Blue",
  closed: "Blue",
};

/** Parses a RAG typed by a person (Red, r, AMBER, Complete…); null when it is not one. */
export function parseRag(text: string): Rag | null {
  return WORDS[text.trim().toLowerCase()] ?? null;
}
