import { describe, expect, test } from "vitest";
import { parseCommand, UsageError } from "../src/generated/runtime/arguments.js";
import type { CommandSpec } from "../src/generated/runtime/command-spec.js";

// The runtime's parsing on a command of our own, with every option type the generator writes.
const spec: CommandSpec = {
  resource: "orders",
  command: "add-line",
  operations: [{ operationId: "addLine", method: "POST", path: "/orders/{orderId}/lines" }],
  body: "object",
  bodyRequired: true,
  options: [
    { name: "orderId", in: "path", key: ["orderId"], type: "string", multiple: false, required: true },
    { name: "dryRun", in: "query", key: ["dryRun"], type: "boolean", multiple: false, required: false },
    { name: "quantity", in: "body", key: ["quantity"], type: "integer", multiple: false, required: false },
    { name: "price", in: "body", key: ["price"], type: "number", multiple: false, required: false },
    {
      name: "kind",
      in: "body",
      key: ["kind"],
      type: "string",
      multiple: false,
      required: false,
      enum: ["goods", "service"],
    },
    { name: "labels", in: "body", key: ["labels"], type: "string", multiple: true, required: false },
    {
      name: "shipping.address.city",
      in: "body",
      key: ["shipping", "address", "city"],
      type: "string",
      multiple: false,
      required: false,
    },
  ],
};
const noStdin = () => {
  throw new Error("no stdin");
};
const parse = (argv: string[]) => parseCommand(spec, argv, noStdin);

describe("parseCommand", () => {
  test("converts each option to its schema type and nests dotted names", () => {
    const request = parse([
      "--orderId",
      "o 1",
      "--dryRun",
      "true",
      "--quantity",
      "3",
      "--price",
      "2.5",
      "--kind",
      "service",
      "--labels",
      "a",
      "--labels",
      "b",
      "--shipping.address.city",
      "Oslo",
    ]);
    expect(request.path).toEqual({ orderId: "o 1" });
    expect(request.query).toEqual({ dryRun: true });
    expect(request.body).toEqual({
      quantity: 3,
      price: 2.5,
      kind: "service",
      labels: ["a", "b"],
      shipping: { address: { city: "Oslo" } },
    });
  });

  test.each([
    [["--orderId", "o", "--quantity", "2.5"], "--quantity: expected an integer"],
    [["--orderId", "o", "--price", "cheap"], "--price: expected a number"],
    [["--orderId", "o", "--dryRun", "yes"], "--dryRun: expected true or false"],
    [["--orderId", "o", "--kind", "other"], '--kind: expected one of "goods", "service"'],
    [["--quantity", "1"], "missing --orderId"],
    [["--orderId", "o"], "missing a body"],
    [["--orderId", "o", "--data", "[1]", "--quantity", "1"], "--data is not a JSON object"],
    [
      ["--orderId", "o", "--data", '{"shipping": 1}', "--shipping.address.city", "x"],
      "sets shipping to a value that is not an object",
    ],
    [["--orderId", "o", "--data", "@/nonexistent/file.json"], "--data @/nonexistent/file.json: cannot read it"],
  ])("%j is refused: %s", (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });

  test("--help needs nothing else", () => {
    expect(parse(["--help"]).help).toBe(true);
  });
});
