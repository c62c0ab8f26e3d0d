// The klaten stack's resources through the real CrossGuard analyzer (see support/analyzer-suite.ts).
import { analyzerSuite } from "./support/analyzer-suite";

analyzerSuite("klaten", {
  mandatory: [
    "opd-app-in-dinas-data-center e-parkir", // foreign cloud, no exception
    "opd-app-in-dinas-data-center siladi-lapor", // exception expired 2024-03-01
    "opd-app-in-dinas-data-center simrs", // RSUD server
    "confidential-on-dinas-network simrs",
  ],
  advisory: [],
});
