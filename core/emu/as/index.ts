// Entry of the emulator's WebAssembly module (placeholder until the hart lands).
export function version(): i32 {
  return 1;
}
