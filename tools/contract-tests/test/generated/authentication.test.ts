// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import { authenticationTests } from "@sdkit/contract";
import { subject } from "./subject.js";

await authenticationTests(subject);
