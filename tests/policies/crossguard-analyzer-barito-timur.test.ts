// The barito-timur stack's resources through the real CrossGuard analyzer (see support/analyzer-suite.ts).
import { analyzerSuite } from "./support/analyzer-suite";

analyzerSuite("barito-timur", {
  mandatory: [
    "opd-app-in-dinas-data-center web-dishub", // rented abroad, no exception
    "website-hosted-in-indonesia web-dishub", // DigitalOcean LLC (US) in SG: bt-7-2019 Pasal 19 (4)
    "opd-app-in-dinas-data-center dtks", // exception expired 2025-06-30
    "confidential-on-dinas-network dtks", // rahasia, external over the internet
    "opd-app-in-dinas-data-center simrs", // RSUD server, no exception
    "confidential-on-dinas-network simrs", // RSUD server and network
  ],
  advisory: ["exception-expiring-soon oss-daerah"],
});
