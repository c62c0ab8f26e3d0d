// An offline stand-in for `pulumi preview --policy-pack policies/crossguard`: starts the pack the way
// the Pulumi CLI's nodejs analyzer host does (node @pulumi/pulumi/cmd/run-policy-pack <engine> <pack>,
// which compiles the TypeScript pack with ts-node and serves the Analyzer gRPC service, printing its
// port), then calls Analyze over gRPC with the generated stubs shipped in @pulumi/pulumi/proto.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import * as grpc from "@grpc/grpc-js";
import type { RegisteredResource } from "./run-program";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const analyzerPb = require("@pulumi/pulumi/proto/analyzer_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const structPb = require("google-protobuf/google/protobuf/struct_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const emptyPb = require("google-protobuf/google/protobuf/empty_pb");

const ROOT = resolve(__dirname, "../..");
export const PACK_DIR = resolve(ROOT, "policies/crossguard");
const RUN_POLICY_PACK = resolve(ROOT, "node_modules/@pulumi/pulumi/cmd/run-policy-pack");

/** The value the engine sends for an input that is unknown during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** What the analyzer is given: exactly what the mocked program registered. */
export type AnalyzedResource = RegisteredResource;

export interface Diagnostic {
  policy: string;
  message: string;
  level: "advisory" | "mandatory" | "disabled" | "remediate";
  urn: string;
}

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;

export interface RunningPack {
  port: number;
  analyze(resource: AnalyzedResource): Promise<Diagnostic[]>;
  info(): Promise<{ name: string; policies: { name: string; level: string }[] }>;
  stop(): Promise<void>;
}

function request(r: AnalyzedResource): unknown {
  const req = new analyzerPb.AnalyzeRequest();
  req.setType(r.type);
  req.setName(r.name);
  req.setUrn(r.urn);
  req.setProperties(structPb.Struct.fromJavaScript(r.inputs));
  const opts = new analyzerPb.AnalyzerResourceOptions();
  if (r.parent) opts.setParent(r.parent);
  req.setOptions(opts);
  if (r.provider) {
    const urn = r.provider.split("::").slice(0, -1).join("::") || r.provider;
    const provider = new analyzerPb.AnalyzerProviderResource();
    provider.setUrn(urn);
    provider.setType(urn.split("::")[2] ?? "pulumi:providers:unknown");
    provider.setName(urn.split("::").pop() ?? "provider");
    provider.setProperties(structPb.Struct.fromJavaScript({}));
    req.setProvider(provider);
  }
  return req;
}

/** Spawns the pack and resolves once it has printed its port (polled, with a timeout). */
export async function startPolicyPack(env: Record<string, string> = {}, timeoutMs = 90_000): Promise<RunningPack> {
  const child: ChildProcess = spawn(process.execPath, [RUN_POLICY_PACK, "127.0.0.1:1", "."], {
    cwd: PACK_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`policy pack did not print its port within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`policy pack exited with ${code} before serving: ${stderr}`));
    });
  });
  const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = <T>(method: string, req: unknown): Promise<T> =>
    new Promise((ok, fail) => client[method](req, (err: Error | null, resp: T) => (err ? fail(err) : ok(resp))));

  return {
    port,
    async analyze(resource) {
      const resp = await call<any>("analyze", request(resource));
      return resp.getDiagnosticsList().map((d: any) => ({
        policy: d.getPolicyname(),
        message: d.getMessage(),
        level: LEVELS[d.getEnforcementlevel()] ?? "advisory",
        urn: resource.urn,
      }));
    },
    async info() {
      const resp = await call<any>("getAnalyzerInfo", new emptyPb.Empty());
      return {
        name: resp.getName(),
        policies: resp.getPoliciesList().map((p: any) => ({ name: p.getName(), level: LEVELS[p.getEnforcementlevel()] ?? "advisory" })),
      };
    },
    stop() {
      client.close();
      return new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      });
    },
  };
}

/** Analyzes every resource and returns all diagnostics, in resource order. */
export async function analyzeAll(pack: RunningPack, resources: readonly AnalyzedResource[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const r of resources) out.push(...(await pack.analyze(r)));
  return out;
}
