// Benchmark of the DNS observer (target: 1,000 names in under 10 s against a local resolver), with its
// peer in the same run: BIND's own `dig` asking the same questions (A, AAAA and CNAME for every name)
// of the same server, serially from one file (`dig -f`) and in parallel (`xargs -P 8 dig`, 50 names per
// process). The server is a real BIND 9 (`named`) serving the barito-timur zone the project generates
// plus N generated names, transfer allowed: the observer does what `spbe observe` does (AXFR, then
// every transferred and inventory name). Rounds alternate who goes first; load average printed per run.
//   node bin/run-ts.cjs bench/observe/dns.ts [names=1000] [rounds=3] [concurrency=64]
// Not a test: prints a table for docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { renderDnsZone } from "../../infra/planning/dns";
import { planPublicIps } from "../../infra/planning/public-ips";
import { loadInventoryOrThrow } from "../../inventory/load";
import { observeDns } from "../../observe/dns/observe";
import { requireBinary, tempDir } from "../../testkit/servers/common";
import { startNamed } from "../../testkit/servers/named";

const count = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 3);
const concurrency = Number(process.argv[4] ?? 64);

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const dig = requireBinary("dig", "bind9-dnsutils");
  const inv = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");
  const zone = renderDnsZone(inv, planPublicIps(inv), { serial: 1 });
  const extra = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(5, "0")} IN A 203.0.113.${1 + (i % 250)}`);
  const named = await startNamed([{ origin: zone.origin, text: zone.text + extra.join("\n") + "\n", allowTransfer: true }]);
  const dir = tempDir("bench-dns");
  const server = { host: named.host, port: named.port };
  console.log(`named ${named.server}; zone ${zone.origin} with ${zone.records.length} planned records + ${count} generated; ${cpus().length} cores`);
  try {
    // The names the observer asks, written for dig: the same questions, three per name.
    const probe = await observeDns(inv, { server, zoneTransfer: true, wordlist: [], timeoutMs: 2000, concurrency });
    const names = probe.names.map((n) => n.name);
    const questions = names.flatMap((n) => [`${n} A`, `${n} AAAA`, `${n} CNAME`]);
    writeFileSync(join(dir, "questions.txt"), questions.join("\n") + "\n");
    writeFileSync(join(dir, "args.txt"), questions.join("\n") + "\n");
    console.log(`${names.length} names (${probe.names.filter((n) => n.addresses.length).length} answering), ${questions.length} questions each way`);

    const ours = async () => {
      const t = performance.now();
      const r = await observeDns(inv, { server, zoneTransfer: true, wordlist: [], timeoutMs: 2000, concurrency });
      const ms = performance.now() - t;
      const failed = r.names.filter((n) => n.error && n.error.code !== "nxdomain");
      if (failed.length) console.log(`  not nxdomain: ${failed.map((n) => `${n.name} ${n.error!.code}`).join(", ")}`);
      return { ms, answers: r.names.reduce((a, n) => a + n.addresses.length, 0), failed: failed.length };
    };
    const digSerial = () => {
      const t = performance.now();
      const r = spawnSync(dig, ["+noall", "+answer", "+time=2", "+tries=1", "-p", String(named.port), "@127.0.0.1", "-f", join(dir, "questions.txt")], { encoding: "utf8", maxBuffer: 256 << 20 });
      return { ms: performance.now() - t, answers: r.stdout.split("\n").filter((l) => /\sIN\s+(A|AAAA)\s/.test(l)).length };
    };
    const digParallel = () => {
      const t = performance.now();
      const r = spawnSync("sh", ["-c", `xargs -P 8 -n 150 ${dig} +noall +answer +time=2 +tries=1 -p ${named.port} @127.0.0.1 < ${join(dir, "args.txt")}`], { encoding: "utf8", maxBuffer: 256 << 20 });
      return { ms: performance.now() - t, answers: r.stdout.split("\n").filter((l) => /\sIN\s+(A|AAAA)\s/.test(l)).length };
    };

    const rows: string[] = ["| round | order | spbe observeDns (AXFR + names, concurrency " + concurrency + ") | dig -f (serial) | xargs -P 8 dig | load average (1/5/15) |", "|---|---|---|---|---|---|"];
    for (let round = 1; round <= rounds; round++) {
      const before = load();
      const oursFirst = round % 2 === 1;
      let o: Awaited<ReturnType<typeof ours>>;
      let d1: ReturnType<typeof digSerial>;
      let d2: ReturnType<typeof digParallel>;
      if (oursFirst) {
        o = await ours();
        d1 = digSerial();
        d2 = digParallel();
      } else {
        d1 = digSerial();
        d2 = digParallel();
        o = await ours();
      }
      rows.push(`| ${round} | ${oursFirst ? "spbe first" : "dig first"} | ${s(o.ms)} (${o.answers} addresses, ${o.failed} other than nxdomain) | ${s(d1.ms)} (${d1.answers}) | ${s(d2.ms)} (${d2.answers}) | ${before} |`);
      console.log(rows.at(-1));
    }
    console.log("\n" + rows.join("\n"));
    // The command as an operator runs it: process start, inventory load, AXFR, every name plus the built-in wordlist, facts written.
    const before = load();
    const t = performance.now();
    const cli = spawnSync(process.execPath, ["bin/spbe.cjs", "observe", "examples/barito-timur/inventory.yaml", "--resolver", named.server, "--concurrency", String(concurrency), "--out", join(dir, "facts.json"), "--format", "json"], { encoding: "utf8" });
    const cliMs = performance.now() - t;
    if (cli.status !== 0) throw new Error(`spbe observe failed: ${cli.stderr}`);
    const summary = JSON.parse(cli.stdout) as { names: number; answering: number; seconds: number };
    console.log(`\nspbe observe (whole command): ${s(cliMs)} wall, ${summary.seconds} s observing, ${summary.names} names (${summary.answering} answering); load ${before}`);
  } finally {
    await named.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
