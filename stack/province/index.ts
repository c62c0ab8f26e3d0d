// Pulumi entry point of the provincial project (stack/province/Pulumi.yaml, main: this directory).
import { runProvinceProgram } from "./program";

export = runProvinceProgram;
