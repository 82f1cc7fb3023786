// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import { declaredStatusTests } from "@sdkit/contract";
import { subject } from "./subject.js";

await declaredStatusTests(subject);
