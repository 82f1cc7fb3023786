// @ts-check
export { RELEASE_CHECKS, runReleaseChecks } from "./checks.js";
export { ReleaseError } from "./errors.js";
export { assertCleanTree } from "./git-tree.js";
export { credentialKeyFor, publishNpmrc, TOKEN_REFERENCE, writePublishUserconfig } from "./npmrc.js";
export { assertNoPendingChangesets, listPendingChangesets } from "./pending-changesets.js";
export { PUBLIC_REGISTRY, resolveRegistry } from "./registry.js";
export { release, releaseCli } from "./release.js";
export { runCommand } from "./run-command.js";
export { DEFAULT_SNAPSHOT_TAG, releaseSnapshot, undoSnapshot, validateSnapshotTag } from "./snapshot.js";
export { SNAPSHOT_USAGE, snapshotCli } from "./snapshot-cli.js";
export { assertNoSnapshotApplied, readSnapshotState, SNAPSHOT_STATE_FILE, UNDO_COMMAND } from "./snapshot-state.js";
export { matchesTranscript, parseTranscripts, readmeFiles, readmeTranscripts, shellWords } from "./transcripts.js";
