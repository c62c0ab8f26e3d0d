// Which articles of each selected Perda the evaluation assessed, and which it did not and why, so
// nobody reads silence as compliance. The articles come from the structure read from the texts
// (policies/perda/*.structure.json); a rule assesses the articles it cites.
import type { Profile } from "../inventory/schema";
import bt from "./perda/bt-7-2019.structure.json";
import klaten from "./perda/klaten-18-2018.structure.json";
import type { ProfileCoverage, Rule } from "./types";

export type { ProfileCoverage };

const ARTICLES: Record<Profile, number[]> = {
  "bt-7-2019": Object.keys(bt.pasal).map(Number),
  "klaten-18-2018": Object.keys(klaten.pasal).map(Number),
};

const pasalOf = (rules: readonly Rule[], profile: Profile) => new Set(rules.flatMap((r) => r.citations.filter((c) => c.profile === profile).map((c) => c.pasal)));

export function coverageOf(profiles: readonly Profile[], applied: readonly Rule[], skippedForFacts: readonly Rule[]): ProfileCoverage[] {
  return profiles.map((profile) => {
    const assessed = pasalOf(applied, profile);
    const needFacts = pasalOf(skippedForFacts, profile);
    const all = ARTICLES[profile];
    return {
      profile,
      assessed: all.filter((p) => assessed.has(p)),
      noFacts: all.filter((p) => !assessed.has(p) && needFacts.has(p)),
      notCheckable: all.filter((p) => !assessed.has(p) && !needFacts.has(p)),
      total: all.length,
    };
  });
}
