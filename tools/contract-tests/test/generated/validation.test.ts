// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import { validationTests } from "@sdkit/contract";
import { subject } from "./subject.js";

await validationTests(subject);
