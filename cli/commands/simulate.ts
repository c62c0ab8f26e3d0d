// `spbe simulate <inventory>`: serves every SNMP-managed device of the inventory on loopback UDP
// ports (net-snmp agents, moving counters) until SIGTERM/SIGINT. Credentials come from the env vars
// the inventory names; unset ones are made up for the run and printed, so the agents can be asked.
import type { Command } from "commander";
import { moduleChecks } from "../../collectors/module-catalog";
import { t } from "../../i18n";
import { envSecrets } from "../../collectors/secrets";
import { generateMissingSecrets, startSimulator } from "../../collectors/simulator";
import { UnknownLinkError } from "../../collectors/sim-wiring";
import { formatOption, langOf, langOption, loadForCommand, UsageError } from "../context";

export function configureSimulate(command: Command): void {
  command
    .argument("<inventory>", "inventory YAML file")
    .option("--host <address>", "address to bind the agents to", "127.0.0.1")
    .option("--base-port <port>", "first UDP port (devices get consecutive ports); default: free ports")
    .option("--miswire <link...>", "LLDP demo: swap this backbone link's far end with the next link's, as crossed patch cords would")
    .option("--unknown-neighbour <device:interface...>", "LLDP demo: an unrecorded device (sysName opd-own-switch) answers on this port")
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (file: string, opts: { host: string; basePort?: string; miswire?: string[]; unknownNeighbour?: string[]; format: string; lang?: string }) => {
      const lang = langOf(opts);
      const { inventory } = loadForCommand(file, opts, false, moduleChecks(file));
      if (!inventory) return;
      const basePort = opts.basePort === undefined ? undefined : Number(opts.basePort);
      if (basePort !== undefined && (!Number.isInteger(basePort) || basePort < 1 || basePort > 65535)) {
        throw new UsageError(`--base-port must be a port number, not "${opts.basePort}"`);
      }
      const unknownNeighbours = (opts.unknownNeighbour ?? []).map((p) => {
        const at = p.lastIndexOf(":");
        if (at <= 0 || at === p.length - 1) throw new UsageError(t(lang, "simulate.bad-port-ref", { value: p }));
        return { device: p.slice(0, at), interface: p.slice(at + 1) };
      });
      let secrets = envSecrets();
      const generated = generateMissingSecrets(inventory, secrets);
      if (Object.keys(generated).length > 0) secrets = envSecrets(process.env, generated);
      const wiring = { miswire: opts.miswire ?? [], unknownNeighbours };
      const sim = await startSimulator(inventory, { secrets, host: opts.host, basePort, wiring }).catch((err: unknown) => {
        throw err instanceof UnknownLinkError ? new UsageError(t(lang, "simulate.bad-wiring", { file, message: err.message })) : err;
      });
      const byId = new Map(inventory.devices.map((d) => [d.id, d]));
      if (opts.format === "json") {
        process.stdout.write(JSON.stringify({ devices: [...sim.endpoints].map(([id, e]) => ({ id, ...e, version: byId.get(id)?.snmp?.version })), generatedSecrets: Object.keys(generated), generatedCredentials: generated }) + "\n");
      } else {
        for (const [id, e] of sim.endpoints) process.stdout.write(t(lang, "simulate.device", { device: id, host: e.host, port: e.port, version: byId.get(id)?.snmp?.version ?? "" }) + "\n");
        // Shown, unlike every real secret: they were made up for this run's loopback agents, and without
        // them nothing (snmpwalk, a second `spbe serve`) can ask the simulator anything.
        if (Object.keys(generated).length > 0) {
          process.stdout.write(t(lang, "simulate.generated-secrets", { names: Object.keys(generated).join(", ") }) + "\n");
          for (const [name, value] of Object.entries(generated)) process.stdout.write(`  export ${name}=${value}\n`);
        }
        process.stdout.write(t(lang, "simulate.ready", { devices: sim.endpoints.size }) + "\n");
      }
      await new Promise<void>((resolve) => {
        const stop = () => void sim.stop().then(resolve);
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      });
    });
}
