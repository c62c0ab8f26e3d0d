// spbe observe: what the observers saw (DNS names, zone transfer, applications) and why a run could not start.
import type { Messages } from "../text";

export const observeMessages = {
  "observe.no-resolver": {
    id: "{file}: tidak ada server DNS untuk ditanya: beri --resolver host:port atau isi meta.dns.resolver di inventaris",
    en: "{file}: no DNS server to ask: give --resolver host:port or set meta.dns.resolver in the inventory",
  },
  "observe.bad-resolver": {
    id: "--resolver harus berupa alamat server DNS host:port (mis. 127.0.0.1:53), bukan \"{value}\"",
    en: "--resolver must be a DNS server address host:port (e.g. 127.0.0.1:53), not \"{value}\"",
  },
  "observe.bad-number": {
    id: "--{option} harus berupa bilangan bulat {min} sampai {max}, bukan \"{value}\"",
    en: "--{option} must be an integer from {min} to {max}, not \"{value}\"",
  },
  "observe.bad-wordlist": { id: "{file}: daftar kata tidak dapat dibaca ({message})", en: "{file}: wordlist cannot be read ({message})" },
  "observe.empty-wordlist": { id: "{file}: daftar kata kosong", en: "{file}: the wordlist is empty" },
  "observe.progress": { id: "{done}/{total} nama ditanyakan ke {resolver}", en: "{done}/{total} names asked of {resolver}" },
  "observe.zone-transfer-ok": {
    id: "transfer zona {zone} dari {server}: diizinkan, {names} nama",
    en: "zone transfer of {zone} from {server}: allowed, {names} names",
  },
  "observe.zone-transfer-failed": {
    id: "transfer zona {zone} dari {server}: gagal ({code}); nama dari inventaris dan daftar kata tetap ditanyakan",
    en: "zone transfer of {zone} from {server}: failed ({code}); the inventory's and the wordlist's names were asked instead",
  },
  "observe.zone-transfer-off": { id: "transfer zona tidak dicoba (--no-zone-transfer)", en: "zone transfer not tried (--no-zone-transfer)" },
  "observe.names": {
    id: "{asked} nama ditanyakan ke {resolver}: {answering} menjawab, {failed} tanpa alamat ({reasons})",
    en: "{asked} names asked of {resolver}: {answering} answer, {failed} without an address ({reasons})",
  },
  "observe.applications": {
    id: "{applications} aplikasi teramati; {outside} menjawab dari luar blok Dinas; {unregistered} nama tidak tercatat di inventaris",
    en: "{applications} applications observed; {outside} answer from outside the Dinas blocks; {unregistered} names not recorded in the inventory",
  },
  "observe.probes": {
    id: "probe HTTP(S) lewat {via}: {probes} dicoba, {reachable} menjawab, {tlsInvalid} dengan sertifikat tidak sah",
    en: "HTTP(S) probes via {via}: {probes} tried, {reachable} answered, {tlsInvalid} with an invalid certificate",
  },
  "observe.probes-off": {
    id: "probe HTTP(S) tidak dijalankan: aplikasi dinilai dari jawaban DNS saja",
    en: "HTTP(S) probes not run: applications are judged by their DNS answers only",
  },
  "observe.topology": {
    id: "tabel tetangga: {walked} switch/router dijalani, {failed} gagal, {neighbours} tetangga terlihat",
    en: "neighbour tables: {walked} switches/routers walked, {failed} failed, {neighbours} neighbours seen",
  },
  "observe.written": {
    id: "{file}: fakta teramati ditulis ({seconds} dtk); gunakan spbe report --facts {file}",
    en: "{file}: observed facts written ({seconds} s); use spbe report --facts {file}",
  },
} satisfies Messages;
