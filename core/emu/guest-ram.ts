// Lets the garbage collector know about machines' guest RAM. The core's memory is a shared
// WebAssembly memory (core/emu/build-wasm.mjs): V8 does not count it as the isolate's external
// memory, which spares every machine creation one or two garbage collections, but also means
// nothing prompts a collection that would free the RAM of machines nobody uses any more. So we
// count the RAM of machines not yet collected and, past a limit, allocate one counted 64 MiB
// ArrayBuffer: that starts an (incremental) collection.

/** Guest RAM (reserved, mostly untouched) of live machines above which a collection is prompted. */
const LIMIT = 4 * 2 ** 30;
let live = 0;
const collected = new FinalizationRegistry<number>((bytes) => {
  live -= bytes;
});

let nudging = false;

export function accountGuestRam(owner: object, bytes: number): void {
  if (live + bytes > LIMIT && !nudging) {
    // from a task, off the path to the first instruction: V8 scavenges synchronously (3-15 ms)
    // inside `new ArrayBuffer` before it starts marking
    nudging = true;
    setTimeout(() => {
      nudging = false;
      void new ArrayBuffer(64 << 20);
    }, 0);
  }
  live += bytes;
  collected.register(owner, bytes);
}

/** Whether a buffer is shared (works where the SharedArrayBuffer global is hidden, in pages
 *  that are not cross-origin isolated). */
export function isSharedBuffer(b: ArrayBufferLike): boolean {
  return Object.prototype.toString.call(b) === '[object SharedArrayBuffer]';
}
