// The libc stub resolver's search-list walk (glibc's __res_context_search): which absolute names
// a name is tried as, in which order, and what the caller ends up with.

import { countDots, normalizeName } from './names.ts';
import { ndotsOf } from './resolv-conf.ts';
import type { ResolverConfig } from './resolv-conf.ts';
import type { DnsAttempt, DnsRcode, DnsReason, DnsServerAnswer } from './types.ts';

/** The order in which the resolver tries a name. */
export interface SearchPlan {
  /** Absolute names, normalized, without trailing dots. */
  candidates: string[];
  /** The name had a trailing dot: only itself is tried. */
  absolute: boolean;
  /** The name had at least ndots dots, so it was tried as-is before the search list. */
  asIsFirst: boolean;
  dots: number;
  ndots: number;
}

/** Expands a name through the search list as glibc does: a trailing dot means only the name;
 * at least ndots dots tries it as-is first; otherwise every search domain first, then as-is. */
export function planSearch(name: string, config: ResolverConfig): SearchPlan {
  return planSearchWith(name, normalizeSearches(config.searches), ndotsOf(config.options));
}

/** Search domains as the resolver appends them: normalized, empty ones dropped. */
export function normalizeSearches(searches: string[]): string[] {
  return searches.map(normalizeName).filter((d) => d !== '');
}

/** planSearch with the search list already normalized and ndots already read. */
export function planSearchWith(name: string, searches: string[], ndots: number): SearchPlan {
  const bare = normalizeName(name);
  const dots = countDots(bare);
  if (name.endsWith('.')) return { candidates: [bare], absolute: true, asIsFirst: true, dots, ndots };
  const searched: string[] = [];
  for (const d of searches) searched.push(`${bare}.${d}`);
  const asIsFirst = dots >= ndots;
  return { candidates: asIsFirst ? [bare, ...searched] : [...searched, bare], absolute: false, asIsFirst, dots, ndots };
}

/** How the walk ended. */
export interface SearchOutcome {
  rcode: DnsRcode;
  attempts: DnsAttempt[];
  /** The answer that ended the walk, when some name had answers. */
  answered?: DnsServerAnswer;
  /** Every server answer, in order (for explaining a failure). */
  responses: DnsServerAnswer[];
}

/** Walks the plan, asking `ask` for each name until one has answers. A response without answers
 * (NXDOMAIN or NODATA) moves on to the next name. When none answers, the result is the as-is
 * query's code if it went first, else NOERROR (NODATA) if any name existed, else NXDOMAIN. */
export function walkSearch(plan: SearchPlan, ask: (fqdn: string) => DnsServerAnswer): SearchOutcome {
  const attempts: DnsAttempt[] = [];
  const responses: DnsServerAnswer[] = [];
  let gotNoData = false;
  let asIsRcode: DnsRcode | undefined;
  for (let i = 0; i < plan.candidates.length; i++) {
    const answer = ask(plan.candidates[i]!);
    responses.push(answer);
    attempts.push({ fqdn: answer.fqdn, rcode: answer.rcode, answers: answer.answers });
    if (answer.answers.length > 0) return { rcode: 'NOERROR', attempts, answered: answer, responses };
    if (i === 0 && plan.asIsFirst) asIsRcode = answer.rcode;
    if (answer.rcode === 'NOERROR') gotNoData = true;
  }
  const rcode: DnsRcode = asIsRcode ?? (gotNoData ? 'NOERROR' : 'NXDOMAIN');
  return { rcode, attempts, responses };
}

/** One sentence on why the names were tried in this order. */
export function describePlan(name: string, plan: SearchPlan): string {
  if (plan.absolute) return `"${name}" ends with a dot: it is absolute, so the search list is not used`;
  const dots = `${plan.dots} dot${plan.dots === 1 ? '' : 's'}`;
  if (plan.asIsFirst) return `"${name}" has ${dots} (ndots:${plan.ndots}): it is tried as-is first, then with each search domain`;
  return `"${name}" has ${dots}, fewer than ndots:${plan.ndots}: each search domain is tried first, then the name as-is`;
}

/** The reasons to report for a walk: the answering server's, or every failed name's. */
export function outcomeReasons(outcome: SearchOutcome): DnsReason[] {
  if (outcome.answered) return outcome.answered.reasons;
  const reasons: DnsReason[] = [];
  for (const r of outcome.responses) {
    const what = r.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'no records of this type';
    for (const reason of r.reasons) reasons.push({ ref: reason.ref, detail: `${r.fqdn} (${what}): ${reason.detail}` });
  }
  return reasons;
}
