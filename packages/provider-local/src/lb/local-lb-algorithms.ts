import type { Algorithm } from '@multicloud/lb';
import type { LocalMember } from './local-lb-member.js';

/** Chooses one member of a non-empty candidate list. */
export type MemberPicker = (candidates: readonly LocalMember[]) => LocalMember;

/** Cycles through the candidates in order; with a stable list every member gets the same share (±1). */
function roundRobin(): MemberPicker {
  let next = 0;
  return (candidates) => candidates[next++ % candidates.length] as LocalMember;
}

/** Any candidate, uniformly. */
function random(): MemberPicker {
  return (candidates) => candidates[Math.floor(Math.random() * candidates.length)] as LocalMember;
}

/** The candidate with the fewest requests in flight; ties go round robin, so idle members share the load. */
function leastConnections(): MemberPicker {
  let offset = 0;
  return (candidates) => {
    const start = offset++ % candidates.length;
    let best = candidates[start] as LocalMember;
    for (let step = 1; step < candidates.length; step += 1) {
      const candidate = candidates[(start + step) % candidates.length] as LocalMember;
      if (candidate.inFlight < best.inFlight) best = candidate;
    }
    return best;
  };
}

const PICKERS: Partial<Record<Algorithm, () => MemberPicker>> = {
  'round-robin': roundRobin,
  random,
  'least-connections': leastConnections,
};

/** A fresh picker (with its own position) for one of the local algorithms. */
export function createPicker(algorithm: Algorithm): MemberPicker {
  const factory = PICKERS[algorithm];
  if (!factory) throw new Error(`no picker for algorithm ${algorithm}`);
  return factory();
}
