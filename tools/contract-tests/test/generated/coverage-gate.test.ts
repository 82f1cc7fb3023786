// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import { coverageGate } from "@sdkit/contract";
import { subject } from "./subject.js";

await coverageGate(subject);
