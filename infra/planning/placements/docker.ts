// Docker details of a planned container: its names and its healthcheck.
import type { PlannedContainer } from "./plan";

/** Docker names allow [a-zA-Z0-9][a-zA-Z0-9_.-]; inventory ids already do (schema), this keeps it so. */
export function dockerName(...parts: string[]): string {
  return parts.join("-").replace(/[^a-zA-Z0-9_.-]/g, "-");
}

export function healthcheckFor(ports: { container: number; protocol: "tcp" | "udp" }[]): PlannedContainer["healthcheck"] {
  const tcp = ports.find((p) => p.protocol === "tcp");
  if (!tcp) return undefined;
  // busybox wget is in the alpine-based images the inventory uses; any HTTP answer means "up".
  return {
    tests: ["CMD-SHELL", `wget -q -O /dev/null http://127.0.0.1:${tcp.container}/ || exit 1`],
    interval: "30s",
    timeout: "5s",
    retries: 3,
    startPeriod: "20s",
  };
}
