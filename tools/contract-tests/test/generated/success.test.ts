// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import { successTests } from "@sdkit/contract";
import { subject } from "./subject.js";

await successTests(subject);
