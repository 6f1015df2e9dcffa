// The virt board: machine creation/reset and the deterministic hart scheduler (round-robin
// quanta; WFI harts are skipped, and when every hart sleeps virtual time jumps to the next
// armed timer).
import {
  STATE_BASE, RAM_OFF, MAX_HARTS, HART_SIZE, SCRATCH_OFF,
} from './layout';
import * as H from './hart';
import {
  nHarts, setNHarts, setRam, powerState, setPower, quantum, vclock, setVclock, insnsPerTick,
  mtime, setMtime, wallClock, optH, setSliceDone,
} from './state';
import { rvcInit } from './rvc';
import { eventsInit } from './events';
import { uartReset } from './dev/uart';
import { plicReset, plicUpdate } from './dev/plic';
import { aplicReset } from './dev/aplic';
import { imsicReset } from './dev/imsic';
import { flashReset } from './dev/flash';
import { devUpdate } from './bus';
import { tlbFlush, updateCtx } from './mmu';
import { mipNow, stceOn, STCE, IRQ_MTI, IRQ_STI, IRQ_VSTI } from './irq';
import { MISA_BASE } from './csr';
import { runSlice, sliceEnd, sliceSpun, SLICE_BREAK, SLICE_POWER, SLICE_WATCH } from './exec';
import { clearSysStop } from './system';
import { setBpSkip, resetBpHit, bpHitHart, wpArmSkip } from './debug';
import { jitSetup, jitBytesNeeded } from './jit';

export let lastRun: u64 = 0;
let created = false;

export function createMachine(ramBytes: u64, harts: i32): i32 {
  if (harts < 1 || harts > MAX_HARTS) return -1;
  if ((ramBytes & 0xfff) != 0 || ramBytes < 0x100000 || ramBytes > 0xc0000000) return -2;
  if (created) return -4;
  if (__heap_base > STATE_BASE) return -5;
  let need: u64 = <u64>RAM_OFF + ramBytes + 0x10000 + jitBytesNeeded(ramBytes);
  let pages = <i32>((need + 0xffff) >>> 16);
  let cur = memory.size();
  if (pages > cur && memory.grow(pages - cur) < 0) return -3;
  created = true;
  jitSetup(RAM_OFF + <usize>ramBytes + 0x10000, ramBytes);
  setNHarts(harts);
  setRam(ramBytes);
  rvcInit();
  resetMachine();
  return 0;
}

export function resetMachine(): void {
  for (let h = 0; h < nHarts; h++) {
    let hb = H.hartBase(h);
    memory.fill(hb, 0, HART_SIZE);
    store<u64>(hb, 0x1000, H.H_PC);
    store<u32>(hb, 3, H.H_PRIV);
    store<u32>(hb, 1, H.H_RUNNING);
    store<u64>(hb, optH ? MISA_BASE | 0x80 : MISA_BASE, H.C_MISA);
    store<u64>(hb, <u64>h, H.C_MHARTID);
    store<u64>(hb, 0x200000000, H.C_MSTATUS); // UXL = 2
    store<u64>(hb, 0x200000000, H.C_VSSTATUS);
    // QEMU 7.2 evaluates STIP/VSTIP only when stimecmp/vstimecmp are written: all ones here
    // keeps a guest that enables STIE before arming its timer from seeing a spurious tick.
    store<u64>(hb, 0xffffffffffffffff, H.C_STIMECMP);
    store<u64>(hb, 0xffffffffffffffff, H.C_VSTIMECMP);
    store<u64>(hb, 0xffffffffffffffff, H.C_RES_ADDR);
    updateCtx(hb);
    tlbFlush(h);
  }
  eventsInit();
  uartReset();
  plicReset();
  plicUpdate();
  aplicReset();
  imsicReset();
  flashReset();
  setPower(0, 0);
  setVclock(0);
  setSliceDone(0);
  setMtime(0);
}

// mtime at which a sleeping hart's enabled timer fires (all ones if none).
function wakeTime(hb: usize): u64 {
  let mie = load<u64>(hb, H.C_MIE);
  let t: u64 = 0xffffffffffffffff;
  if ((mie & IRQ_MTI) != 0) t = load<u64>(hb, H.C_MTIMECMP);
  if (stceOn(hb)) {
    if ((mie & IRQ_STI) != 0) { let s = load<u64>(hb, H.C_STIMECMP); if (s < t) t = s; }
    if ((mie & IRQ_VSTI) != 0 && (load<u64>(hb, H.C_HENVCFG) & STCE) != 0) {
      let s = load<u64>(hb, H.C_VSTIMECMP) - load<u64>(hb, H.C_HTIMEDELTA);
      if (s < t) t = s;
    }
  }
  return t;
}

@inline function awake(hb: usize): bool {
  if (load<u32>(hb, H.H_RUNNING) == 0) return false;
  if (load<u32>(hb, H.H_WFI) == 0) return true;
  if ((mipNow(hb) & load<u64>(hb, H.C_MIE)) != 0) {
    store<u32>(hb, 0, H.H_WFI);
    return true;
  }
  return false;
}

export function run(maxInsns: u64): i32 {
  lastRun = 0;
  if (powerState != 0) return 2;
  setBpSkip();
  resetBpHit();
  devUpdate();
  let done: u64 = 0;
  while (done < maxInsns) {
    let ran = false;
    let roundMax: u64 = 0;
    for (let h = 0; h < nHarts; h++) {
      let hb = H.hartBase(h);
      if (!awake(hb)) continue;
      let budget = quantum;
      if (maxInsns - done < budget) budget = maxInsns - done;
      if (budget == 0) break;
      clearSysStop();
      let k = runSlice(h, budget);
      // A hart that stopped at a spin-wait is charged its whole quantum, so the rounds (and
      // where run()'s chunks cut them) fall as if it had spun the quantum out.
      done += sliceSpun ? budget : k;
      ran = true;
      if (k > roundMax) roundMax = k;
      let e = sliceEnd;
      if (e == SLICE_BREAK || e == SLICE_POWER || e == SLICE_WATCH) {
        setVclock(vclock + roundMax);
        lastRun = done;
        if (e == SLICE_WATCH) {
          wpArmSkip(h);
          return 5;
        }
        return e == SLICE_BREAK ? 1 : 2;
      }
    }
    if (!ran) {
      // every hart sleeps: jump to the next timer event
      let t = nextTimerEvent();
      if (t == 0xffffffffffffffff || wallClock) { lastRun = done; return 3; }
      let now = mtime();
      let dt: u64 = t > now ? t - now : 1;
      setVclock(vclock + dt * insnsPerTick);
      continue;
    }
    setVclock(vclock + roundMax);
  }
  lastRun = done;
  return 0;
}

// Earliest mtime at which an enabled timer of a running hart fires (all ones if none): in
// wall-clock mode the host sleeps until then when run() returns 3 (idle).
export function nextTimerEvent(): u64 {
  let t: u64 = 0xffffffffffffffff;
  for (let h = 0; h < nHarts; h++) {
    let hb = H.hartBase(h);
    if (load<u32>(hb, H.H_RUNNING) == 0) continue;
    let w = wakeTime(hb);
    if (w < t) t = w;
  }
  return t;
}

export function step(h: i32): i32 {
  lastRun = 0;
  if (powerState != 0) return 2;
  if (h < 0 || h >= nHarts) return 0;
  let hb = H.hartBase(h);
  if (!awake(hb)) return 3;
  setBpSkip();
  resetBpHit();
  devUpdate();
  clearSysStop();
  let k = runSlice(h, 1);
  lastRun = k;
  setVclock(vclock + k);
  if (sliceEnd == SLICE_POWER) return 2;
  if (sliceEnd == SLICE_WATCH) {
    wpArmSkip(h);
    return 5;
  }
  return 4;
}

export function scratch(): usize { return SCRATCH_OFF; }
