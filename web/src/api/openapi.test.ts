import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import snapshot from "./openapi.json";

// The committed snapshot (the C# test OpenApiSnapshotTests keeps it equal to what the code generates), checked
// against the OpenAPI 3.1 JSON schema by a validator that shares nothing with the generator.
const document = structuredClone(snapshot) as { paths: Record<string, Record<string, { tags: string[]; security?: object[] }>> };

describe("openapi.json", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("names the admin operations' key and bearer schemes as alternatives", () => {
    const operations = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .filter((operation) => operation.tags.includes("admin"));
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(operation.security).toEqual([{ functionKey: [] }, { functionKeyQuery: [] }, { bearer: [] }]);
    }
  });
});
