// Zicbom (cbo.clean/flush/inval) and Zicboz (cbo.zero) with a 64-byte cache block. There are
// no caches to maintain: management ops only check enables (menvcfg/senvcfg/henvcfg CBIE,
// CBCFE, CBZE) and translation/permission (faults reported as store/AMO faults); cbo.zero
// writes 64 zero bytes.
import { H_PRIV, H_VIRT, C_MENVCFG, C_SENVCFG, C_HENVCFG } from './hart';
import { raise, excCause, optZicbom, optZicboz } from './state';
import { access, xPa, ACC_LOAD, ACC_STORE } from './mmu';
import { busWrite, busErr } from './bus';

export const CBO_BLOCK: u64 = 64;

// 0 allowed, 2 illegal, 22 virtual instruction. `field` extracts the enable from an envcfg.
function envCheck(hb: usize, inst: u32, isZero: bool, isInval: bool): i32 {
  let priv = load<u32>(hb, H_PRIV);
  if (priv == 3) return 0;
  let virt = load<u32>(hb, H_VIRT) != 0;
  let m = load<u64>(hb, C_MENVCFG);
  let hcfg = load<u64>(hb, C_HENVCFG);
  let scfg = load<u64>(hb, C_SENVCFG);
  if (!enabled(m, isZero, isInval)) return 2;
  if (virt && !enabled(hcfg, isZero, isInval)) return 22;
  if (priv == 0 && !enabled(scfg, isZero, isInval)) return virt ? 22 : 2;
  return 0;
}

function enabled(cfg: u64, isZero: bool, isInval: bool): bool {
  if (isZero) return (cfg & 0x80) != 0;
  if (isInval) return ((cfg >>> 4) & 3) != 0;
  return (cfg & 0x40) != 0;
}

@inline function X(hb: usize, r: u32): u64 {
  return load<u64>(hb + (<usize>r << 3));
}

// Returns false (with an exception raised) if the instruction traps.
export function execCbo(h: i32, hb: usize, inst: u32): bool {
  let op = inst >> 20;
  let rd = (inst >> 7) & 31;
  if (rd != 0 || op > 4 || op == 3) { raise(2, <u64>inst); return false; }
  let isZero = op == 4;
  if ((isZero && !optZicboz) || (!isZero && !optZicbom)) { raise(2, <u64>inst); return false; }
  let e = envCheck(hb, inst, isZero, op == 0);
  if (e != 0) { raise(e, <u64>inst); return false; }
  let va = X(hb, (inst >> 15) & 31) & ~(CBO_BLOCK - 1);
  if (isZero) {
    if (!access(h, hb, va, ACC_STORE, CBO_BLOCK)) return false;
    let pa = xPa;
    for (let i: u64 = 0; i < CBO_BLOCK; i += 8) {
      busWrite(pa + i, 8, 0);
      if (busErr) { raise(7, va); return false; }
    }
    return true;
  }
  if (!access(h, hb, va, ACC_LOAD, 1)) {
    // management operations report store/AMO faults
    let c = excCause;
    let sc: i64 = c == 13 ? 15 : c == 5 ? 7 : c == 21 ? 23 : c;
    if (sc != c) raise(sc, va);
    return false;
  }
  return true;
}
