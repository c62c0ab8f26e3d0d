// SNMPv3 privacy protocols net-snmp (npm) cannot do on Node 20 by itself, plugged into its
// encryption hook (`Encryption.algorithms`, exported by net-snmp) once, when this file loads.
//
// DES (RFC 3414 §8): net-snmp calls crypto.createCipheriv("des-cbc"), which OpenSSL 3 moved to its
// "legacy" provider; Node 20 does not load it and throws `error:0308010C ... unsupported`. The ways
// out we weighed:
//  - `--openssl-legacy-provider`: a Node flag. Asking every user for it is what the issue forbids;
//    re-executing bin/spbe.cjs with it (or with OPENSSL_CONF pointing at a config that activates
//    the legacy provider) doubles start-up time, breaks the library use of the collector (tests,
//    the Pulumi program, anyone importing collectors/) and depends on the legacy module being
//    present on the machine (Node built against a system OpenSSL may lack ossl-modules/legacy.so).
//    There is no JS API to load an OpenSSL provider in-process (crypto.setEngine takes engines,
//    which OpenSSL 3 deprecates, not providers).
//  - a pure-JS DES (the npm `des.js` of crypto-browserify): works, but it is a new dependency and
//    roughly 50x slower than OpenSSL for the only thing we need from it.
//  - chosen: single DES *is* triple DES with one key repeated: EDE with K1 = K2 = K3 gives
//    E_K(D_K(E_K(x))) = E_K(x). `des-ede3-cbc` is in OpenSSL 3's default provider, so DES-CBC
//    with key K is des-ede3-cbc with key K‖K‖K: no flag, no dependency, OpenSSL's speed.
//    tests/collectors/snmpv3-protocols.test.ts proves it against Debian's snmpd with DES users.
//
// AES-192 (the Blumenthal draft, net-snmp's `AES-192`, key localized by extension like AES-256b):
// net-snmp (npm) knows AES-128 and AES-256 only; added here as protocol number 5 with the same
// encrypt/decrypt functions as its AES-256 and OpenSSL's aes-192-cfb.
//
// 3DES (draft-reeder-snmpv3-usm-3desede): Debian's net-snmp 5.9 snmpd/snmpget do not offer it
// (`snmpget -x` lists DES|AES|AES-192|AES-256), so there is no agent here to prove it against and
// it is not offered.
import * as crypto from "node:crypto";

// net-snmp ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snmp: any = require("net-snmp");

/** net-snmp's number for our AES-192 (Blumenthal); unused by net-snmp itself (it uses 1, 2, 4, 6, 8). */
export const PRIV_AES192B = 5;

const BLOCK = 8;

/** RFC 3414 §8.1.1.1: DES key and pre-IV from the localized privacy key. */
function desKeyAndPreIv(privPassword: string, authProtocol: unknown, engineID: Buffer): { key: Buffer; preIv: Buffer } {
  const localized: Buffer = snmp.Authentication.passwordToKey(authProtocol, privPassword, engineID);
  const k = localized.subarray(0, 8);
  return { key: Buffer.concat([k, k, k]), preIv: localized.subarray(8, 16) };
}

function xor(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

function encryptPduDes(scopedPdu: Buffer, _privProtocol: unknown, privPassword: string, authProtocol: unknown, engine: { engineID: Buffer; engineBoots?: number }) {
  const { key, preIv } = desKeyAndPreIv(privPassword, authProtocol, engine.engineID);
  // The salt: our engine boots (net-snmp keeps no engine state, so 1, as net-snmp does) and 4 random bytes.
  const salt = Buffer.alloc(BLOCK);
  salt.writeUInt32BE(1, 0);
  crypto.randomBytes(4).copy(salt, 4);
  const padded = Buffer.alloc(Math.ceil(scopedPdu.length / BLOCK) * BLOCK);
  scopedPdu.copy(padded);
  const cipher = crypto.createCipheriv("des-ede3-cbc", key, xor(preIv, salt));
  cipher.setAutoPadding(false);
  return { encryptedPdu: Buffer.concat([cipher.update(padded), cipher.final()]), msgPrivacyParameters: salt };
}

function decryptPduDes(encryptedPdu: Buffer, _privProtocol: unknown, privParameters: Buffer, privPassword: string, authProtocol: unknown, engine: { engineID: Buffer }) {
  const { key, preIv } = desKeyAndPreIv(privPassword, authProtocol, engine.engineID);
  const decipher = crypto.createDecipheriv("des-ede3-cbc", key, xor(preIv, privParameters));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(encryptedPdu), decipher.final()]);
}

const algorithms = snmp.Encryption.algorithms as Record<number, Record<string, unknown>>;
const des = algorithms[snmp.PrivProtocols.des]!;
des.encryptPdu = encryptPduDes;
des.decryptPdu = decryptPduDes;

const aes256b = algorithms[snmp.PrivProtocols.aes256b]!;
algorithms[PRIV_AES192B] = { ...aes256b, CRYPTO_ALGORITHM: "aes-192-cfb", KEY_LENGTH: 24 };

/** Our privacy protocol names (the inventory's `privProtocol`) → net-snmp's numbers. */
export const PRIV_PROTOCOLS: Readonly<Record<string, number>> = {
  des: snmp.PrivProtocols.des,
  aes: snmp.PrivProtocols.aes,
  aes192b: PRIV_AES192B,
  aes256b: snmp.PrivProtocols.aes256b,
  aes256r: snmp.PrivProtocols.aes256r,
};
