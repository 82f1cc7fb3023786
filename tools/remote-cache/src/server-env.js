// @ts-check

/**
 * Storage providers turborepo-remote-cache 2.12 accepts in STORAGE_PROVIDER. "local" is ours by
 * default; the others are configured entirely by the operator's environment (see README).
 */
export const STORAGE_PROVIDERS = ["local", "s3", "S3", "minio", "google-cloud-storage", "azure-blob-storage"];

// What the operator may pass through from their environment: object-storage settings (only when
// that storage is chosen) and a few server options. Everything else in the caller's environment is
// left out, so the server never holds an unrelated secret (HATCH_API_KEY, NPM_TOKEN, the signature key).
const STORAGE_SETTINGS = /^(S3_[A-Z_]+|AWS_[A-Z_]+|GCS_[A-Z_]+|ABS_CONNECTION_STRING)$/;
const SERVER_OPTIONS = /^(BODY_LIMIT|READ_ONLY|TURBO_CACHE_READ_URL)$/;
// What a child process needs to run at all.
const PROCESS_BASICS = /^(PATH|HOME|TMPDIR|TEMP|TMP|LANG|LC_ALL|TZ|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;

/**
 * @typedef {object} CacheServerSettings
 * @property {string} host interface to bind, normally 127.0.0.1
 * @property {number} port 0 picks a free one
 * @property {string} token the bearer token clients must send (TURBO_TOKEN); several may be joined with ","
 * @property {string} storagePath absolute folder for local storage, or the bucket name for object storage
 * @property {string} [storageProvider] default "local"
 */

/**
 * The environment turborepo-remote-cache runs with. Local storage always lives at `storagePath` as
 * given (`STORAGE_PATH_USE_TMP_FOLDER=false`): the server's default is a folder under the OS temp
 * directory, which a reboot or a tmp cleaner empties without warning.
 *
 * Signed artifacts: turbo signs and verifies them on the client with TURBO_REMOTE_CACHE_SIGNATURE_KEY;
 * the server only has to store and return each artifact's `x-artifact-tag`, which it does only when
 * its own TURBO_REMOTE_CACHE_SIGNATURE_KEY is non-empty. It never checks a signature, so it is
 * given a fixed marker instead of the key: a server (or its storage) that leaks cannot forge artifacts.
 *
 * @param {CacheServerSettings} settings
 * @param {NodeJS.ProcessEnv} [callerEnv]
 * @returns {NodeJS.ProcessEnv}
 */
export function cacheServerEnv(settings, callerEnv = process.env) {
  const { host, port, token, storagePath, storageProvider = "local" } = settings;
  if (!STORAGE_PROVIDERS.includes(storageProvider)) {
    throw new Error(`unknown storage provider "${storageProvider}" (known: ${STORAGE_PROVIDERS.join(", ")})`);
  }
  if (!storagePath) throw new Error("the cache server needs a storage path (a folder, or a bucket for object storage)");
  if (!token) throw new Error("the cache server needs a token: clients authenticate with it (TURBO_TOKEN)");
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be 0..65535, got ${port}`);
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(callerEnv)) {
    const wanted =
      PROCESS_BASICS.test(key) ||
      SERVER_OPTIONS.test(key) ||
      (storageProvider !== "local" && STORAGE_SETTINGS.test(key));
    if (wanted) env[key] = value;
  }
  return {
    ...env,
    NODE_ENV: "production",
    HOST: host,
    PORT: String(port),
    AUTH_MODE: "static",
    TURBO_TOKEN: token,
    STORAGE_PROVIDER: storageProvider,
    STORAGE_PATH: storagePath,
    STORAGE_PATH_USE_TMP_FOLDER: "false",
    TURBO_REMOTE_CACHE_SIGNATURE_KEY: "store-artifact-tags",
    // "info" carries the line that reports the bound port; the launcher filters the request log.
    LOG_LEVEL: "info",
    ENABLE_STATUS_LOG: "false",
    LOG_MODE: "stdout",
    NO_COLOR: "1",
  };
}
