// @ts-check
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The user the tests publish as; the password only ever lives in this throwaway registry. */
export const REGISTRY_USER = "hatch-release-test";

/**
 * Writes a Verdaccio config and an htpasswd file into `dir`.
 *
 * There are deliberately NO uplinks: nothing the test installs may come from another host, so a
 * missing package fails loudly instead of being fetched from the public registry. The client's
 * third-party runtime dependencies are seeded into this registry from the local install instead.
 * Self-registration is off (`max_users: -1`); the one user is written to htpasswd up front.
 *
 * @param {string} dir an empty temporary directory
 * @param {string} password
 * @returns {Promise<string>} the config file path
 */
export async function writeVerdaccioConfig(dir, password) {
  const storage = join(dir, "storage");
  const htpasswd = join(dir, "htpasswd");
  await mkdir(storage, { recursive: true });
  // Verdaccio's htpasswd plugin accepts the `{SHA}` scheme, which needs no native bcrypt.
  const sha = createHash("sha1").update(password).digest("base64");
  await writeFile(htpasswd, `${REGISTRY_USER}:{SHA}${sha}:autocreated ${new Date().toISOString()}\n`);

  const config = {
    storage,
    auth: { htpasswd: { file: htpasswd, max_users: -1 } },
    uplinks: {},
    packages: {
      "@hatch-api/*": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
      "**": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
    },
    web: { enable: false },
    log: { type: "stdout", format: "pretty", level: "warn" },
  };
  const file = join(dir, "config.yaml");
  // JSON is valid YAML, so no YAML writer is needed.
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
