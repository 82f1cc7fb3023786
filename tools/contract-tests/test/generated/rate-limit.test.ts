// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import { rateLimitTests } from "@sdkit/contract";
import { subject } from "./subject.js";

await rateLimitTests(subject);
