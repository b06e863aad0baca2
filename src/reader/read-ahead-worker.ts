/** The thread of read-ahead.ts: reads the chapters it is sent, posts what it found, and says it is done. */
import { workerData, type MessagePort } from "node:worker_threads";
import { nodeReader } from "../node/io.js";
import { readAhead, type ReadAheadRequest, type ReadAheadResult } from "./read-ahead.js";

const { port, done } = workerData as { port: MessagePort; done: Int32Array };

port.once("message", (request: ReadAheadRequest) => {
  let result: ReadAheadResult | undefined;
  try {
    result = readAhead(request, nodeReader());
  } finally {
    // Posted before it says it is done, so the message is waiting when the other side looks.
    port.postMessage(result);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    port.close();
  }
});
