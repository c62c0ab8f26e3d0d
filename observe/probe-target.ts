// What one HTTP(S) probe asks: which name, at which address, over which scheme and port.

export interface ProbeTarget {
  /** The name sent as Host and TLS server name. */
  name: string;
  /** The address connected to (one of the name's DNS answers). */
  address: string;
  scheme: "http" | "https";
  port: number;
}
