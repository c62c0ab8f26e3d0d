// A zod schema's definition (`_zod.def`), as the few readers of a schema's structure see it: which
// fields an object knows (schema-text.ts, for "did you mean"), whether a parse gives its input back
// (output-is-input.ts). zod 4 has no public API for either; the fields named here are the ones
// those readers use, all optional, so a kind without them reads as having none.
import type { z } from "zod";

export interface ZodDef {
  type: string;
  coerce?: boolean;
  checks?: { _zod: { def: { check: string } } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

export const zodDef = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
