// @ts-check

const LISTENING = /Server listening at (https?:\/\/\S+)/;

/**
 * @typedef {object} ServerLogLine
 * @property {number} level pino level: 30 info, 40 warn, 50 error
 * @property {string} message
 * @property {string} raw the line as the server wrote it
 */

/**
 * Reads one line of turborepo-remote-cache's log (pino JSON). Lines that are not JSON (a crash
 * before the logger exists) come back as errors so they are never hidden.
 *
 * @param {string} line
 * @returns {ServerLogLine}
 */
export function parseServerLogLine(line) {
  try {
    const entry = JSON.parse(line);
    const message = typeof entry.message === "string" ? entry.message : typeof entry.msg === "string" ? entry.msg : "";
    const error = entry.err?.message ?? entry.error?.message;
    return {
      level: typeof entry.level === "number" ? entry.level : 30,
      message: error && !message.includes(error) ? `${message}: ${error}` : message,
      raw: line,
    };
  } catch {
    return { level: 50, message: line, raw: line };
  }
}

/**
 * The URL from the server's "Server listening at ..." line, or undefined for any other line.
 *
 * @param {ServerLogLine} line
 */
export function listeningUrl(line) {
  return LISTENING.exec(line.message)?.[1]?.replace(/\/$/, "");
}
