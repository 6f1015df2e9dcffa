// Gives the event loop a turn between run chunks (so a pause request or UART input can arrive)
// without the 4 ms clamp browsers put on nested setTimeout.
const g = globalThis as { setImmediate?: (cb: () => void) => unknown };

export function yieldToEventLoop(): Promise<void> {
  if (g.setImmediate) return new Promise((resolve) => g.setImmediate!(resolve));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}
