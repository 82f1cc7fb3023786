// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import type { ContractSubject } from "@sdkit/contract";
import * as client from "./client.js";
import { contractOperations } from "./operations.js";

/** The client under test and its operation bindings, as the suites of @sdkit/contract take them. */
export const subject: ContractSubject<client.SdkClient> = { client, operations: contractOperations };
