// The Docker Engine API over the engine's unix socket, for what the `docker` command line cannot
// say: a container created from a JSON body exactly as planned (an exec-form healthcheck, aliases,
// labels), and files put into a created container as a tar archive (how the Pulumi provider's
// `uploads` reach it). Written by hand on node:http: a handful of calls, no client library needed.
import * as http from "node:http";

export interface ApiResponse {
  status: number;
  body: string;
}

export function dockerApi(socketPath: string, method: string, path: string, body?: Buffer | object, contentType = "application/json"): Promise<ApiResponse> {
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath,
        method,
        path: `/v1.41${path}`,
        headers: payload ? { "Content-Type": Buffer.isBuffer(body) ? contentType : "application/json", "Content-Length": payload.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** The call, or an error naming it with the engine's message when it did not succeed. */
export async function dockerApiOk(socketPath: string, method: string, path: string, body?: Buffer | object, contentType?: string): Promise<ApiResponse> {
  const r = await dockerApi(socketPath, method, path, body, contentType);
  if (r.status < 200 || r.status >= 300) throw new Error(`docker API ${method} ${path}: ${r.status} ${r.body.trim()}`);
  return r;
}
