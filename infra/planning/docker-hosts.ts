// Which Docker host (daemon URL) each server the program deploys to is reached through: the stack's
// `dockerHosts` entry, else SSH to the server's management address as the deploy user.
import type { Inventory } from "../../inventory/schema";

export class DockerHostError extends Error {}

export function dockerHostsFor(
  inv: Inventory,
  servers: Iterable<string>,
  configured: Record<string, string>,
  sshUser: string,
): Map<string, string> {
  const devices = new Map(inv.devices.map((d) => [d.id, d]));
  const hosts = new Map<string, string>();
  const problems: string[] = [];
  for (const server of [...new Set(servers)].sort()) {
    const url = configured[server] ?? (devices.get(server)?.mgmtAddress ? `ssh://${sshUser}@${devices.get(server)!.mgmtAddress}` : undefined);
    if (url === undefined) problems.push(`server ${server} has no docker host: add spbe-infra:dockerHosts.${server} or give it an mgmtAddress`);
    else hosts.set(server, url);
  }
  if (problems.length > 0) throw new DockerHostError(problems.join("\n"));
  return hosts;
}
