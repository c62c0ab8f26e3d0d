// Certificates for the web test bed, made by Debian's openssl in a temp directory: a test CA, and
// per site a certificate signed by it (valid, expired, or for another name) or a self-signed one.
// `openssl ca` is used for the CA-signed ones because it alone (in OpenSSL 3.0) sets dates in the past.
import * as fs from "node:fs";
import * as path from "node:path";
import { requireBinary, run } from "../servers/common";

export type CertificateKind = "valid" | "expired" | "self-signed" | "wrong-name";

export interface IssuedCertificate {
  certFile: string;
  keyFile: string;
}

async function openssl(args: string[]): Promise<void> {
  const r = await run(requireBinary("openssl", "openssl"), args);
  if (r.code !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
}

export class TestCa {
  readonly caFile: string;
  private readonly keyFile: string;
  private serial = 0;
  private constructor(private readonly dir: string) {
    this.caFile = path.join(dir, "ca.pem");
    this.keyFile = path.join(dir, "ca.key");
  }

  static async create(dir: string): Promise<TestCa> {
    const ca = new TestCa(dir);
    fs.mkdirSync(path.join(dir, "issued"), { recursive: true });
    fs.writeFileSync(path.join(dir, "index.txt"), "");
    fs.writeFileSync(path.join(dir, "serial"), "1000\n");
    fs.writeFileSync(
      path.join(dir, "ca.cnf"),
      [
        "[ca]",
        "default_ca = test",
        "[test]",
        `database = ${path.join(dir, "index.txt")}`,
        `new_certs_dir = ${path.join(dir, "issued")}`,
        `serial = ${path.join(dir, "serial")}`,
        "default_md = sha256",
        "policy = any",
        "unique_subject = no",
        "[any]",
        "commonName = supplied",
        "",
      ].join("\n"),
    );
    await openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca.keyFile, "-out", ca.caFile, "-days", "3", "-subj", "/O=SPBE Test/CN=SPBE Test CA"]);
    return ca;
  }

  /** A certificate for `name` (its CN and only SAN; `wrong-name` is issued for `other.<name>`). */
  async issue(name: string, kind: CertificateKind): Promise<IssuedCertificate> {
    const n = ++this.serial;
    const keyFile = path.join(this.dir, `site-${n}.key`);
    const certFile = path.join(this.dir, `site-${n}.pem`);
    const certName = kind === "wrong-name" ? `other.${name}` : name;
    if (kind === "self-signed") {
      await openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "3", "-subj", `/CN=${certName}`, "-addext", `subjectAltName=DNS:${certName}`]);
      return { certFile, keyFile };
    }
    const csr = path.join(this.dir, `site-${n}.csr`);
    const ext = path.join(this.dir, `site-${n}.ext`);
    fs.writeFileSync(ext, `subjectAltName=DNS:${certName}\n`);
    await openssl(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", csr, "-subj", `/CN=${certName}`]);
    const dates = kind === "expired" ? ["-startdate", "20240101000000Z", "-enddate", "20240201000000Z"] : ["-days", "3"];
    await openssl(["ca", "-batch", "-notext", "-config", path.join(this.dir, "ca.cnf"), "-cert", this.caFile, "-keyfile", this.keyFile, "-in", csr, "-out", certFile, "-extfile", ext, ...dates]);
    return { certFile, keyFile };
  }
}
