// The part of js-yaml 4 we use (the package ships no types).
declare module "js-yaml" {
  export function load(text: string, options?: { filename?: string; json?: boolean }): unknown;
  export class YAMLException extends Error {
    reason: string;
    mark?: { line: number; column: number };
  }
}
