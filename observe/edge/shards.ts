// Which vmagent member keeps which share of the devices, when sharding is done by relabeling.
// vmagent 1.79's own cluster mode (-promscrape.cluster.*) picks a member as xxhash(labels) modulo
// membersCount (lib/promscrape/config.go, needSkipScrapeWork): going from 3 to 4 members moves ~3/4
// of the targets, and the hash covers every label after relabeling, __address__ included, so every
// member must point at a collector by the same address. The nearest thing 1.79 has that moves less:
// Prometheus' `hashmod` relabeling puts each device in one of BUCKETS buckets (vmagent computes it),
// and each bucket is kept by the members that rank highest for it (rendezvous hashing). Adding a
// member moves only the buckets it now ranks first for (~1/N); losing one moves only its own.
// Pure: member names in, bucket lists out. No scheduler: vmagent still decides at every scrape.
import { createHash } from "node:crypto";

/** hashmod's modulus: fine enough that shares stay within a few per cent of 1/N for N ≤ 10. */
export const SHARD_BUCKETS = 120;

function score(bucket: number, member: string): bigint {
  return createHash("sha256").update(`${bucket}\0${member}`).digest().readBigUInt64BE(0);
}

/**
 * bucket → the `replicationFactor` members that keep it, best first. Members are named, not
 * numbered, so that adding or losing one leaves the others' ranks as they were.
 */
export function bucketOwners(members: readonly string[], replicationFactor: number, buckets = SHARD_BUCKETS): string[][] {
  if (members.length === 0) throw new Error("no vmagent member to shard over");
  if (new Set(members).size !== members.length) throw new Error(`member names repeat: ${members.join(", ")}`);
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) throw new Error(`replication factor must be an integer >= 1, not ${replicationFactor}`);
  const rf = Math.min(replicationFactor, members.length);
  return Array.from({ length: buckets }, (_, b) =>
    [...members].sort((x, y) => {
      const d = score(b, y) - score(b, x);
      return d > 0n ? 1 : d < 0n ? -1 : x < y ? -1 : 1;
    }).slice(0, rf),
  );
}

/** The buckets one member keeps. */
export function bucketsOf(member: string, members: readonly string[], replicationFactor: number, buckets = SHARD_BUCKETS): number[] {
  if (!members.includes(member)) throw new Error(`"${member}" is not one of the members ${members.join(", ")}`);
  return bucketOwners(members, replicationFactor, buckets).flatMap((owners, b) => (owners.includes(member) ? [b] : []));
}
