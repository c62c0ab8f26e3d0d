// The CrossGuard policy pack: `pulumi preview --policy-pack policies/crossguard`. It only builds
// the pack; the policies live in policies.ts and call the shared rule functions (policies/placement.ts).
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies";

new PolicyPack("spbe-perda", { policies: POLICIES });
