// Why a probe or a certificate failed, as the stable reason codes of facts/schema.ts (`failureSchema`).
// Two dialects say the same things: Node's error codes (the native probe) and Go's error texts (the
// blackbox exporter's debug log); both map here so the two probes give the same facts.

export type TlsReason = "tls-expired" | "tls-not-yet-valid" | "tls-self-signed" | "tls-name-mismatch" | "tls-untrusted" | "tls-invalid";
export type ConnectReason = "connection-refused" | "timeout" | "connection-reset" | "unreachable" | "tls-handshake" | "http-error";

/** Node's verification codes (tls.TLSSocket#authorizationError, OpenSSL's X509_V_ERR names). */
export function tlsReasonFromNode(code: string): TlsReason {
  switch (code) {
    case "CERT_HAS_EXPIRED":
      return "tls-expired";
    case "CERT_NOT_YET_VALID":
      return "tls-not-yet-valid";
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return "tls-self-signed";
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return "tls-name-mismatch";
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "CERT_UNTRUSTED":
      return "tls-untrusted";
    default:
      return "tls-invalid";
  }
}

/**
 * Go's crypto/x509 texts. Go reports a self-signed leaf as "signed by unknown authority" like any
 * untrusted one; the caller tells them apart by subject = issuer (`selfIssued`).
 */
export function tlsReasonFromGo(message: string, selfIssued: boolean): TlsReason | undefined {
  if (/certificate has expired or is not yet valid/.test(message)) return /is before/.test(message) ? "tls-not-yet-valid" : "tls-expired";
  if (/certificate is valid for|certificate is not valid for any names|legacy Common Name field/.test(message)) return "tls-name-mismatch";
  if (/certificate signed by unknown authority|not authorized to sign/.test(message)) return selfIssued ? "tls-self-signed" : "tls-untrusted";
  if (/x509:/.test(message)) return "tls-invalid";
  return undefined;
}

/** Node's socket error codes. */
export function connectReasonFromNode(code: string | undefined): ConnectReason {
  switch (code) {
    case "ECONNREFUSED":
      return "connection-refused";
    case "ETIMEDOUT":
    case "ESOCKETTIMEDOUT":
      return "timeout";
    case "ECONNRESET":
    case "EPIPE":
      return "connection-reset";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EADDRNOTAVAIL":
      return "unreachable";
    case "EPROTO":
    case "ERR_SSL_WRONG_VERSION_NUMBER":
      return "tls-handshake";
    default:
      return code?.startsWith("ERR_SSL") || code?.startsWith("ERR_TLS") ? "tls-handshake" : "http-error";
  }
}

/** Go's net/http texts, as the exporter logs them. */
export function connectReasonFromGo(message: string): ConnectReason {
  if (/connection refused/.test(message)) return "connection-refused";
  if (/context deadline exceeded|i\/o timeout|Client\.Timeout/.test(message)) return "timeout";
  if (/connection reset|broken pipe|EOF/.test(message)) return "connection-reset";
  if (/no route to host|network is unreachable/.test(message)) return "unreachable";
  if (/tls:|handshake/.test(message)) return "tls-handshake";
  return "http-error";
}
