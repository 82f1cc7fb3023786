// @ts-check
// Child-process entry: runs Verdaccio on 127.0.0.1 with an OS-assigned port and reports the port to
// the parent over IPC. A separate process keeps Verdaccio's globals and logger out of the test
// worker, and listening on port 0 here avoids the race of "find a free port, then bind it".
import { runCli, UsageError } from "@sdkit/cli-kit";
import { runServer } from "verdaccio";

async function main() {
  const configPath = process.argv[2];
  if (!configPath || !process.send) throw new UsageError("needs a config file and an IPC channel to its parent");

  const server = await runServer(configPath);
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send?.({ port: typeof address === "object" && address ? address.port : undefined });
  });

  // The parent going away (normally or by crashing) must never leave a registry behind.
  process.on("disconnect", () => {
    server.close();
    process.exit(0);
  });
}

await runCli(main, {
  name: "verdaccio-server",
  usage: "usage: node verdaccio-server.js <config.yaml> (as an IPC child)",
});
