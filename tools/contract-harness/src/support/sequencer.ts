import { BaseSequencer, type TestSpecification } from "vitest/node";

const GATE = /coverage-gate\.test\.ts$/;

/** Runs the coverage gate after every other file, whatever order vitest would pick. */
export class GateLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [
      ...sorted.filter((file) => !GATE.test(file.moduleId)),
      ...sorted.filter((file) => GATE.test(file.moduleId)),
    ];
  }
}
