// The languages spbe speaks: Indonesian first (the Perda's and the Dinas's language), then English.
export type Lang = "id" | "en";
export const LANGS: readonly Lang[] = ["id", "en"];
