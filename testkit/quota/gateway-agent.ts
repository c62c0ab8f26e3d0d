// The namespace gateway's own snmpd, as a Dinas runs it on a Linux quota gateway: it answers the
// collector on the management veth and runs the rendered per-OPD counter script through `extend`
// (infra/quota/counters.ts). apply() applies a rendered configuration as the apply command does: the
// shaping script in the gateway namespace, and the counter script where snmpd's extend runs it (a
// temp file: the test keeps the host's /usr/local and /etc alone, and reloads no snmpd of the host).
import * as fs from "node:fs";
import * as path from "node:path";
import { renderGatewayConfig } from "../../infra/quota";
import { snmpdExtendLine } from "../../infra/quota/counters";
import type { Inventory } from "../../inventory/schema";
import { run, tempDir } from "../servers/common";
import { startSnmpd, type SnmpdHandle } from "../servers/snmpd";
import { NS_CACHE_TABLE, NS_CACHE_TIMEOUT_IFTABLE } from "./opd-usage";
import type { TestBed } from "./testbed";

export interface GatewayAgent {
  snmpd: SnmpdHandle;
  apply(inv: Inventory): void;
  stop(): Promise<void>;
}

/** Applies `inv`'s configuration first (the script must exist before snmpd reads its extend). */
export async function startGatewayAgent(bed: TestBed, inv: Inventory): Promise<GatewayAgent> {
  const dir = tempDir("quota-counters");
  const script = path.join(dir, "quota-counters");
  const apply = (i: Inventory) => {
    const cfg = renderGatewayConfig(i);
    bed.applyScript(cfg.script);
    fs.writeFileSync(script, cfg.counters!.script, { mode: 0o755 });
  };
  apply(inv);
  const rw = `spbe-q-rw-${process.pid}`;
  const snmpd = await startSnmpd({
    netns: bed.gw,
    host: bed.mgmtAddress!,
    community: `spbe-q-${process.pid}`,
    extraConfig: [`rwcommunity ${rw} default ${NS_CACHE_TABLE}`, snmpdExtendLine(script)].join("\n"),
  });
  // The interface cache off, for the interface counters a test may also read (opd-usage.ts).
  const set = await run("snmpset", ["-v2c", "-c", rw, "-t", "1", `${snmpd.host}:${snmpd.port}`, NS_CACHE_TIMEOUT_IFTABLE, "i", "0"]);
  if (set.code !== 0) {
    await snmpd.stop();
    throw new Error(`could not switch off snmpd's interface cache: ${set.stderr}`);
  }
  return {
    snmpd,
    apply,
    async stop() {
      await snmpd.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
