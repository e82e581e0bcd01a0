/** Runs once when the server starts; the Node-only check lives in its own module. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await (
      await import("./instrumentation-node")
    ).ready;
  }
}
