// Facts per application, from what the observers saw: the addresses its hostname resolved to (DNS)
// and, where probes were made, which of them answered over HTTP(S) and with what certificate. Pure:
// the DNS observer and the HTTP(S) probes (observe/http-probe.ts) produce the inputs.
import type { ApplicationFact, NameFact, ProbeFact, TlsFact } from "../facts/schema";
import { normalizeName } from "../inventory/dns-names";
import type { Inventory } from "../inventory/schema";

/**
 * One fact per application whose hostname was asked. Without probes for its hostname, `answeringFrom`
 * is what DNS gave and `reachable` is left unknown; with probes, it is the addresses that answered
 * (any HTTP status), `resolvedTo` every address DNS gave (judged too: a name that sends people to an
 * outside host that drops probes is not thereby inside), `reachable` says whether any did, and `tls` is the certificate seen (an invalid one
 * first, so an expired certificate is never hidden behind a valid one on another address).
 */
export function applicationFacts(inv: Inventory, names: readonly NameFact[], probes: readonly ProbeFact[]): ApplicationFact[] {
  const latestName = new Map<string, NameFact>();
  for (const n of names) {
    const key = normalizeName(n.name);
    const prior = latestName.get(key);
    if (!prior || Date.parse(n.observedAt) >= Date.parse(prior.observedAt)) latestName.set(key, n);
  }
  const probesOf = new Map<string, ProbeFact[]>();
  for (const p of probes) {
    const key = normalizeName(p.name);
    probesOf.set(key, [...(probesOf.get(key) ?? []), p]);
  }

  const out: ApplicationFact[] = [];
  for (const a of inv.applications) {
    if (!a.hostname) continue;
    const hostname = normalizeName(a.hostname);
    const name = latestName.get(hostname);
    if (!name) continue;
    const base = { id: a.id, hostname };
    if (name.addresses.length === 0) {
      // A name that does not exist cannot be reached; a resolver that timed out or refused says nothing about the application.
      const nameHasNoAddress = !name.error || NO_ADDRESS.has(name.error.code);
      out.push({ ...base, answeringFrom: [], ...(nameHasNoAddress ? { reachable: false } : {}), ...(name.error ? { error: name.error } : {}), source: name.source, observedAt: name.observedAt });
      continue;
    }
    // Only probes of the addresses DNS gave now: a probe of an address the name no longer has is not about this application.
    const own = (probesOf.get(hostname) ?? []).filter((p) => name.addresses.includes(p.address));
    if (own.length === 0) {
      out.push({ ...base, answeringFrom: [...name.addresses], resolvedTo: [...name.addresses], source: name.source, observedAt: name.observedAt });
      continue;
    }
    const answered = own.filter((p) => p.reachable);
    const answeringFrom = [...new Set(answered.map((p) => p.address))];
    const tls = worstTls(answered.flatMap((p) => (p.tls ? [p.tls] : [])));
    const error = answered.length === 0 ? own.find((p) => p.error)?.error : undefined;
    const times = [name.observedAt, ...own.map((p) => p.observedAt)].sort();
    out.push({
      ...base,
      answeringFrom,
      resolvedTo: [...name.addresses],
      reachable: answered.length > 0,
      ...(tls ? { tls } : {}),
      ...(error ? { error } : {}),
      source: [name.source, ...new Set(own.map((p) => p.source))].join("; "),
      observedAt: times.at(-1)!,
    });
  }
  return out;
}

/** Answers about the name itself (it has no address), as opposed to the resolver failing to answer. */
const NO_ADDRESS = new Set(["nxdomain", "nodata"]);

function worstTls(seen: readonly TlsFact[]): TlsFact | undefined {
  return seen.find((t) => !t.valid) ?? seen[0];
}
