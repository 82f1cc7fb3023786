// @ts-check

/**
 * What a leaked credential looks like. Each pattern needs a value, not just the word: the client
 * legitimately contains code like `Bearer ${apiKey}` and docs mention `HATCH_API_KEY`.
 */
export const SECRET_PATTERNS = [
  { name: "bearer token", pattern: /Bearer\s+[A-Za-z0-9\-._~+/]{16,}=*/ },
  { name: ".npmrc auth entry", pattern: /_auth(Token)?\s*=\s*(?!\$\{)[^\s"'`]{8,}/ },
  { name: "HATCH_API_KEY value", pattern: /HATCH_API_KEY\s*[=:]\s*["']?(?!\$|<|your|xxx|\.\.\.)[A-Za-z0-9_-]{12,}/i },
  { name: "npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
];

/**
 * @typedef {object} SecretFinding
 * @property {string} file
 * @property {string} kind which pattern (or "known secret") matched; the match itself is never reported
 * @property {number} line
 */

/**
 * Scans text for key-like content and for exact known secrets (e.g. the live registry token).
 * Findings carry the location only, so a failing assertion cannot print the secret.
 *
 * @param {string} file
 * @param {string} text
 * @param {string[]} knownSecrets
 * @returns {SecretFinding[]}
 */
export function scanForSecrets(file, text, knownSecrets = []) {
  /** @type {SecretFinding[]} */
  const findings = [];
  const lines = text.split("\n");
  lines.forEach((content, index) => {
    for (const { name, pattern } of SECRET_PATTERNS) {
      if (pattern.test(content)) findings.push({ file, kind: name, line: index + 1 });
    }
    for (const secret of knownSecrets) {
      if (secret && content.includes(secret)) findings.push({ file, kind: "known secret", line: index + 1 });
    }
  });
  return findings;
}
