// "Did you mean ...?" for misspelt keys, names and choices.

/** Edit distance (insertions, deletions, substitutions), the classic two-row dynamic programme. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate the user most likely meant, or undefined when none is close. Case is ignored; a
 * candidate that starts with what was typed counts as close (`distrib` -> `distributor`), otherwise
 * the edit distance must be at most 40% of the longer word (at least 1), so `thread` finds `threads`
 * but `cpu` does not find `cores`.
 */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let score: number;
    if (lc === t) score = 0;
    else if (t.length >= 3 && lc.startsWith(t)) score = 0.5;
    else {
      const d = levenshtein(t, lc);
      score = d <= Math.max(1, Math.floor(Math.max(t.length, lc.length) * 0.4)) ? d : Infinity;
    }
    // Strictly better only, so ties go to the first candidate: stable, source-ordered suggestions.
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** `; did you mean "threads"?` or '' when nothing is close. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const match = closest(typed, candidates);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}

/** `a, b, c` for a short list, `a, b, c, ... (12 in all)` for a long one. */
export function listChoices(choices: readonly string[], max = 10): string {
  if (choices.length <= max) return choices.join(', ');
  return `${choices.slice(0, max).join(', ')}, ... (${choices.length} in all)`;
}
