/*
 * Reference vectors for the emulator's FPU, produced by real RISC-V F/D instructions.
 *
 * Freestanding (no libc: Debian ships the riscv64-unknown-elf compiler without one): _start
 * reads argc/argv from the stack as the Linux ABI lays them out and the program talks to the
 * host through Linux syscalls (write, exit), so qemu-riscv64 (user mode) runs it directly.
 *
 * usage: vectors COUNT SEED
 * For each operation and each rounding mode 0..4 it runs COUNT operand sets (edge cases first,
 * then seeded random ones) and writes:
 *   a text header  "FPUVEC1 <nops>\n<name> <name> ...\n"
 *   then binary records (little-endian), 48 bytes each:
 *   u32 op, u32 rm, u64 a, u64 b, u64 c, u64 result, u32 fflags, u32 0
 * f32 operands/results are the low 32 bits; integer results are the full rd value.
 */

typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef int i32;

/* ---- host interface ---- */

static long sys_write(long fd, const void *p, u64 n) {
  register long a0 asm("a0") = fd;
  register long a1 asm("a1") = (long)p;
  register long a2 asm("a2") = (long)n;
  register long a7 asm("a7") = 64;
  asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
  return a0;
}

static void sys_exit(long code) {
  register long a0 asm("a0") = code;
  register long a7 asm("a7") = 93;
  asm volatile("ecall" : : "r"(a0), "r"(a7));
  for (;;) {
  }
}

static unsigned char outBuf[1 << 16];
static u64 outLen;

static void flush(void) {
  u64 off = 0;
  while (off < outLen) {
    long n = sys_write(1, outBuf + off, outLen - off);
    if (n <= 0) sys_exit(3);
    off += (u64)n;
  }
  outLen = 0;
}

static void putBytes(const void *p, u64 n) {
  const unsigned char *s = p;
  if (outLen + n > sizeof outBuf) flush();
  for (u64 i = 0; i < n; i++) outBuf[outLen++] = s[i];
}

/* The compiler may call these for struct copies even when freestanding. */
void *memcpy(void *d, const void *s, unsigned long n) {
  unsigned char *dd = d;
  const unsigned char *ss = s;
  while (n--) *dd++ = *ss++;
  return d;
}

void *memset(void *d, int c, unsigned long n) {
  unsigned char *dd = d;
  while (n--) *dd++ = (unsigned char)c;
  return d;
}

static void putStr(const char *s) {
  while (*s) putBytes(s++, 1);
}

static void putDec(u64 v) {
  char t[24];
  int n = 0;
  do {
    t[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) putBytes(&t[--n], 1);
}

static u64 parseDec(const char *s) {
  u64 v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (u64)(*s++ - '0');
  return v;
}

/* ---- seeded random numbers (splitmix64) ---- */

static u64 rngState;

static u64 rnd(void) {
  rngState += 0x9e3779b97f4a7c15UL;
  u64 z = rngState;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
  return z ^ (z >> 31);
}

static u64 below(u64 n) { return rnd() % n; }

/* ---- instruction wrappers: set frm, clear fflags, run one instruction, read fflags ---- */

static u64 gFlags;

#define F32_BIN(fn, insn)                                                                        \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                                   \
    u64 r, f;                                                                                    \
    (void)c;                                                                                     \
    asm volatile("fsrm %[rm]\n\tfmv.w.x ft0, %[a]\n\tfmv.w.x ft1, %[b]\n\tcsrw fflags, zero\n\t" \
                 insn " ft2, ft0, ft1\n\tfrflags %[f]\n\tfmv.x.w %[r], ft2"                      \
                 : [r] "=&r"(r), [f] "=&r"(f)                                                    \
                 : [a] "r"(a), [b] "r"(b), [rm] "r"(rm)                                          \
                 : "ft0", "ft1", "ft2");                                                         \
    gFlags = f;                                                                                  \
    return r & 0xffffffffUL;                                                                     \
  }

#define F32_UN(fn, insn)                                                                \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                          \
    u64 r, f;                                                                           \
    (void)b;                                                                            \
    (void)c;                                                                            \
    asm volatile("fsrm %[rm]\n\tfmv.w.x ft0, %[a]\n\tcsrw fflags, zero\n\t" insn        \
                 " ft2, ft0\n\tfrflags %[f]\n\tfmv.x.w %[r], ft2"                       \
                 : [r] "=&r"(r), [f] "=&r"(f)                                           \
                 : [a] "r"(a), [rm] "r"(rm)                                             \
                 : "ft0", "ft2");                                                       \
    gFlags = f;                                                                         \
    return r & 0xffffffffUL;                                                            \
  }

#define F32_TER(fn, insn)                                                                  \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                             \
    u64 r, f;                                                                              \
    asm volatile("fsrm %[rm]\n\tfmv.w.x ft0, %[a]\n\tfmv.w.x ft1, %[b]\n\tfmv.w.x ft2, %[c]" \
                 "\n\tcsrw fflags, zero\n\t" insn                                          \
                 " ft3, ft0, ft1, ft2\n\tfrflags %[f]\n\tfmv.x.w %[r], ft3"                \
                 : [r] "=&r"(r), [f] "=&r"(f)                                              \
                 : [a] "r"(a), [b] "r"(b), [c] "r"(c), [rm] "r"(rm)                        \
                 : "ft0", "ft1", "ft2", "ft3");                                            \
    gFlags = f;                                                                            \
    return r & 0xffffffffUL;                                                               \
  }

/* f32 operands, integer result (compares) */
#define F32_CMP(fn, insn)                                                                        \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                                   \
    u64 r, f;                                                                                    \
    (void)c;                                                                                     \
    asm volatile("fsrm %[rm]\n\tfmv.w.x ft0, %[a]\n\tfmv.w.x ft1, %[b]\n\tcsrw fflags, zero\n\t" \
                 insn " %[r], ft0, ft1\n\tfrflags %[f]"                                          \
                 : [r] "=&r"(r), [f] "=&r"(f)                                                    \
                 : [a] "r"(a), [b] "r"(b), [rm] "r"(rm)                                          \
                 : "ft0", "ft1");                                                                \
    gFlags = f;                                                                                  \
    return r;                                                                                    \
  }

/* f32 operand, integer result (fclass, fcvt.{w,wu,l,lu}.s) */
#define F32_TOX(fn, insn)                                                                     \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                                \
    u64 r, f;                                                                                 \
    (void)b;                                                                                  \
    (void)c;                                                                                  \
    asm volatile("fsrm %[rm]\n\tfmv.w.x ft0, %[a]\n\tcsrw fflags, zero\n\t" insn              \
                 " %[r], ft0\n\tfrflags %[f]"                                                 \
                 : [r] "=&r"(r), [f] "=&r"(f)                                                 \
                 : [a] "r"(a), [rm] "r"(rm)                                                   \
                 : "ft0");                                                                    \
    gFlags = f;                                                                               \
    return r;                                                                                 \
  }

/* integer operand, f32 result (fcvt.s.{w,wu,l,lu}) */
#define X_TOF32(fn, insn)                                                              \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                         \
    u64 r, f;                                                                          \
    (void)b;                                                                           \
    (void)c;                                                                           \
    asm volatile("fsrm %[rm]\n\tcsrw fflags, zero\n\t" insn                            \
                 " ft2, %[a]\n\tfrflags %[f]\n\tfmv.x.w %[r], ft2"                     \
                 : [r] "=&r"(r), [f] "=&r"(f)                                          \
                 : [a] "r"(a), [rm] "r"(rm)                                            \
                 : "ft2");                                                             \
    gFlags = f;                                                                        \
    return r & 0xffffffffUL;                                                           \
  }

#define F64_BIN(fn, insn)                                                                        \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                                   \
    u64 r, f;                                                                                    \
    (void)c;                                                                                     \
    asm volatile("fsrm %[rm]\n\tfmv.d.x ft0, %[a]\n\tfmv.d.x ft1, %[b]\n\tcsrw fflags, zero\n\t" \
                 insn " ft2, ft0, ft1\n\tfrflags %[f]\n\tfmv.x.d %[r], ft2"                      \
                 : [r] "=&r"(r), [f] "=&r"(f)                                                    \
                 : [a] "r"(a), [b] "r"(b), [rm] "r"(rm)                                          \
                 : "ft0", "ft1", "ft2");                                                         \
    gFlags = f;                                                                                  \
    return r;                                                                                    \
  }

#define F64_UN(fn, insn)                                                                \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                          \
    u64 r, f;                                                                           \
    (void)b;                                                                            \
    (void)c;                                                                            \
    asm volatile("fsrm %[rm]\n\tfmv.d.x ft0, %[a]\n\tcsrw fflags, zero\n\t" insn        \
                 " ft2, ft0\n\tfrflags %[f]\n\tfmv.x.d %[r], ft2"                       \
                 : [r] "=&r"(r), [f] "=&r"(f)                                           \
                 : [a] "r"(a), [rm] "r"(rm)                                             \
                 : "ft0", "ft2");                                                       \
    gFlags = f;                                                                         \
    return r;                                                                           \
  }

#define F64_TER(fn, insn)                                                                  \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                             \
    u64 r, f;                                                                              \
    asm volatile("fsrm %[rm]\n\tfmv.d.x ft0, %[a]\n\tfmv.d.x ft1, %[b]\n\tfmv.d.x ft2, %[c]" \
                 "\n\tcsrw fflags, zero\n\t" insn                                          \
                 " ft3, ft0, ft1, ft2\n\tfrflags %[f]\n\tfmv.x.d %[r], ft3"                \
                 : [r] "=&r"(r), [f] "=&r"(f)                                              \
                 : [a] "r"(a), [b] "r"(b), [c] "r"(c), [rm] "r"(rm)                        \
                 : "ft0", "ft1", "ft2", "ft3");                                            \
    gFlags = f;                                                                            \
    return r;                                                                              \
  }

#define F64_CMP(fn, insn)                                                                        \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                                   \
    u64 r, f;                                                                                    \
    (void)c;                                                                                     \
    asm volatile("fsrm %[rm]\n\tfmv.d.x ft0, %[a]\n\tfmv.d.x ft1, %[b]\n\tcsrw fflags, zero\n\t" \
                 insn " %[r], ft0, ft1\n\tfrflags %[f]"                                          \
                 : [r] "=&r"(r), [f] "=&r"(f)                                                    \
                 : [a] "r"(a), [b] "r"(b), [rm] "r"(rm)                                          \
                 : "ft0", "ft1");                                                                \
    gFlags = f;                                                                                  \
    return r;                                                                                    \
  }

#define F64_TOX(fn, insn)                                                                     \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                                \
    u64 r, f;                                                                                 \
    (void)b;                                                                                  \
    (void)c;                                                                                  \
    asm volatile("fsrm %[rm]\n\tfmv.d.x ft0, %[a]\n\tcsrw fflags, zero\n\t" insn              \
                 " %[r], ft0\n\tfrflags %[f]"                                                 \
                 : [r] "=&r"(r), [f] "=&r"(f)                                                 \
                 : [a] "r"(a), [rm] "r"(rm)                                                   \
                 : "ft0");                                                                    \
    gFlags = f;                                                                               \
    return r;                                                                                 \
  }

#define X_TOF64(fn, insn)                                                              \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                         \
    u64 r, f;                                                                          \
    (void)b;                                                                           \
    (void)c;                                                                           \
    asm volatile("fsrm %[rm]\n\tcsrw fflags, zero\n\t" insn                            \
                 " ft2, %[a]\n\tfrflags %[f]\n\tfmv.x.d %[r], ft2"                     \
                 : [r] "=&r"(r), [f] "=&r"(f)                                          \
                 : [a] "r"(a), [rm] "r"(rm)                                            \
                 : "ft2");                                                             \
    gFlags = f;                                                                        \
    return r;                                                                          \
  }

/* Raw 64-bit register images in, raw 64-bit register image out: exercises NaN-boxing. */
#define BOX_BIN(fn, insn)                                                                        \
  static u64 fn(u64 a, u64 b, u64 c, u64 rm) {                                                   \
    u64 r, f;                                                                                    \
    (void)c;                                                                                     \
    asm volatile("fsrm %[rm]\n\tfmv.d.x ft0, %[a]\n\tfmv.d.x ft1, %[b]\n\tcsrw fflags, zero\n\t" \
                 insn " ft2, ft0, ft1\n\tfrflags %[f]\n\tfmv.x.d %[r], ft2"                      \
                 : [r] "=&r"(r), [f] "=&r"(f)                                                    \
                 : [a] "r"(a), [b] "r"(b), [rm] "r"(rm)                                          \
                 : "ft0", "ft1", "ft2");                                                         \
    gFlags = f;                                                                                  \
    return r;                                                                                    \
  }

F32_BIN(op_fadd_s, "fadd.s")
F32_BIN(op_fsub_s, "fsub.s")
F32_BIN(op_fmul_s, "fmul.s")
F32_BIN(op_fdiv_s, "fdiv.s")
F32_UN(op_fsqrt_s, "fsqrt.s")
F32_TER(op_fmadd_s, "fmadd.s")
F32_TER(op_fmsub_s, "fmsub.s")
F32_TER(op_fnmsub_s, "fnmsub.s")
F32_TER(op_fnmadd_s, "fnmadd.s")
F32_BIN(op_fmin_s, "fmin.s")
F32_BIN(op_fmax_s, "fmax.s")
F32_BIN(op_fsgnj_s, "fsgnj.s")
F32_BIN(op_fsgnjn_s, "fsgnjn.s")
F32_BIN(op_fsgnjx_s, "fsgnjx.s")
F32_CMP(op_feq_s, "feq.s")
F32_CMP(op_flt_s, "flt.s")
F32_CMP(op_fle_s, "fle.s")
F32_TOX(op_fclass_s, "fclass.s")
F32_TOX(op_fcvt_w_s, "fcvt.w.s")
F32_TOX(op_fcvt_wu_s, "fcvt.wu.s")
F32_TOX(op_fcvt_l_s, "fcvt.l.s")
F32_TOX(op_fcvt_lu_s, "fcvt.lu.s")
X_TOF32(op_fcvt_s_w, "fcvt.s.w")
X_TOF32(op_fcvt_s_wu, "fcvt.s.wu")
X_TOF32(op_fcvt_s_l, "fcvt.s.l")
X_TOF32(op_fcvt_s_lu, "fcvt.s.lu")

F64_BIN(op_fadd_d, "fadd.d")
F64_BIN(op_fsub_d, "fsub.d")
F64_BIN(op_fmul_d, "fmul.d")
F64_BIN(op_fdiv_d, "fdiv.d")
F64_UN(op_fsqrt_d, "fsqrt.d")
F64_TER(op_fmadd_d, "fmadd.d")
F64_TER(op_fmsub_d, "fmsub.d")
F64_TER(op_fnmsub_d, "fnmsub.d")
F64_TER(op_fnmadd_d, "fnmadd.d")
F64_BIN(op_fmin_d, "fmin.d")
F64_BIN(op_fmax_d, "fmax.d")
F64_BIN(op_fsgnj_d, "fsgnj.d")
F64_BIN(op_fsgnjn_d, "fsgnjn.d")
F64_BIN(op_fsgnjx_d, "fsgnjx.d")
F64_CMP(op_feq_d, "feq.d")
F64_CMP(op_flt_d, "flt.d")
F64_CMP(op_fle_d, "fle.d")
F64_TOX(op_fclass_d, "fclass.d")
F64_TOX(op_fcvt_w_d, "fcvt.w.d")
F64_TOX(op_fcvt_wu_d, "fcvt.wu.d")
F64_TOX(op_fcvt_l_d, "fcvt.l.d")
F64_TOX(op_fcvt_lu_d, "fcvt.lu.d")
X_TOF64(op_fcvt_d_w, "fcvt.d.w")
X_TOF64(op_fcvt_d_wu, "fcvt.d.wu")
X_TOF64(op_fcvt_d_l, "fcvt.d.l")
X_TOF64(op_fcvt_d_lu, "fcvt.d.lu")

/* fcvt.d.s: f32 in, f64 out */
static u64 op_fcvt_d_s(u64 a, u64 b, u64 c, u64 rm) {
  u64 r, f;
  (void)b;
  (void)c;
  asm volatile(
      "fsrm %[rm]\n\tfmv.w.x ft0, %[a]\n\tcsrw fflags, zero\n\tfcvt.d.s ft2, ft0\n\t"
      "frflags %[f]\n\tfmv.x.d %[r], ft2"
      : [r] "=&r"(r), [f] "=&r"(f)
      : [a] "r"(a), [rm] "r"(rm)
      : "ft0", "ft2");
  gFlags = f;
  return r;
}

/* fcvt.s.d: f64 in, f32 out */
static u64 op_fcvt_s_d(u64 a, u64 b, u64 c, u64 rm) {
  u64 r, f;
  (void)b;
  (void)c;
  asm volatile(
      "fsrm %[rm]\n\tfmv.d.x ft0, %[a]\n\tcsrw fflags, zero\n\tfcvt.s.d ft2, ft0\n\t"
      "frflags %[f]\n\tfmv.x.w %[r], ft2"
      : [r] "=&r"(r), [f] "=&r"(f)
      : [a] "r"(a), [rm] "r"(rm)
      : "ft0", "ft2");
  gFlags = f;
  return r & 0xffffffffUL;
}

BOX_BIN(op_box_fadd_s, "fadd.s")
BOX_BIN(op_box_fsgnj_s, "fsgnj.s")

/* ---- operand generators ---- */

enum { G_F32, G_F64, G_I64, G_BOX };

/* How the operands of one operation relate: plain, or shaped to hit hard cases. */
enum { S_PLAIN, S_ADD, S_MUL, S_DIV, S_SQRT, S_TOINT, S_CMP, S_NARROW,
       /* fused multiply-add variants: bit 0 negates c, bit 1 negates the product */
       S_FMA = 16, S_FMS = 17, S_FNMS = 18, S_FNMA = 19 };

static const u32 special32[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x00000001, 0x80000001, 0x007fffff,
    0x807fffff, 0x00800000, 0x80800000, 0x00800001, 0x7f7fffff, 0xff7fffff, 0x7f7ffffe,
    0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc12345, 0x7f800001, 0xff800001,
    0x7fa00000, 0x7fbfffff, 0x3f000000, 0xbf000000, 0x3fc00000, 0x40200000, 0xc0200000,
    0x3f800001, 0x3f7fffff, 0x3effffff, 0x3f000001, 0x40000000, 0x40400000, 0x4b000000,
    0x4b7fffff, 0x4affffff, 0x4f000000, 0x4effffff, 0xcf000000, 0xcf000001, 0x4f800000,
    0x4f7fffff, 0x5f000000, 0x5effffff, 0xdf000000, 0xdf000001, 0x5f800000, 0x5f7fffff,
    0x00400000, 0x00000002, 0x1f800000, 0x20000000, 0x5f800001, 0x7e800000, 0x7f000000,
};

static const u64 special64[] = {
    0x0000000000000000UL, 0x8000000000000000UL, 0x3ff0000000000000UL, 0xbff0000000000000UL,
    0x0000000000000001UL, 0x8000000000000001UL, 0x000fffffffffffffUL, 0x800fffffffffffffUL,
    0x0010000000000000UL, 0x8010000000000000UL, 0x0010000000000001UL, 0x7fefffffffffffffUL,
    0xffefffffffffffffUL, 0x7feffffffffffffeUL, 0x7ff0000000000000UL, 0xfff0000000000000UL,
    0x7ff8000000000000UL, 0xfff8000000000000UL, 0x7ff8000012345678UL, 0x7ff0000000000001UL,
    0xfff0000000000001UL, 0x7ff4000000000000UL, 0x7ff7ffffffffffffUL, 0x3fe0000000000000UL,
    0xbfe0000000000000UL, 0x3ff8000000000000UL, 0x4004000000000000UL, 0xc004000000000000UL,
    0x3ff0000000000001UL, 0x3fefffffffffffffUL, 0x3fdfffffffffffffUL, 0x3fe0000000000001UL,
    0x4000000000000000UL, 0x4008000000000000UL, 0x4330000000000000UL, 0x433fffffffffffffUL,
    0x432fffffffffffffUL, 0x41e0000000000000UL, 0x41dfffffffc00000UL, 0x41dfffffffffffffUL,
    0xc1e0000000000000UL, 0xc1e0000000100000UL, 0xc1e0000000000001UL, 0x41f0000000000000UL,
    0x41efffffffe00000UL, 0x41efffffffffffffUL, 0x43e0000000000000UL, 0x43dfffffffffffffUL,
    0xc3e0000000000000UL, 0xc3e0000000000001UL, 0x43f0000000000000UL, 0x43efffffffffffffUL,
    0x0008000000000000UL, 0x0000000000000002UL, 0x1ff0000000000000UL, 0x2000000000000000UL,
    0x7fe0000000000000UL, 0x7fd0000000000000UL, 0x3690000000000000UL, 0x36a0000000000000UL,
    0x380fffffe0000000UL, 0x3810000000000000UL, 0x47efffffe0000000UL, 0x47efffffefffffffUL,
    0x47effffff0000000UL, 0x47f0000000000000UL,
};

static const u64 specialInt[] = {
    0UL,          1UL,          2UL,          3UL,          0xffffffffffffffffUL,
    0x7fffffffUL, 0x80000000UL, 0xffffffff80000000UL, 0xffffffffUL, 0x100000000UL,
    0x7fffffffffffffffUL, 0x8000000000000000UL, 0x8000000000000001UL, 0xfffffffffffffffeUL,
    0x1000000UL,  0x1000001UL,  0xffffffUL,   0x1000003UL,  0x20000000000000UL,
    0x20000000000001UL, 0x1fffffffffffffUL, 0x20000000000003UL, 0xffffffffff000000UL,
    0xfffffffffefffffeUL, 0x7fffff80UL, 0x7fffffc0UL, 0xffffff80UL, 0x7ffffe00UL,
};

#define NSPECIAL32 (sizeof special32 / sizeof special32[0])
#define NSPECIAL64 (sizeof special64 / sizeof special64[0])
#define NSPECIALINT (sizeof specialInt / sizeof specialInt[0])

/* A significand field with structure: random, few leading bits (exact results and ties), runs
 * of ones (carries), or tiny. */
static u64 genMant(int bits) {
  u64 mask = (1UL << bits) - 1;
  u64 r = rnd();
  switch (below(5)) {
    case 0:
    case 1:
      return r & mask;
    case 2:
      return (r & mask) & ~((1UL << below((u64)bits + 1)) - 1);
    case 3:
      return mask ^ ((1UL << below((u64)bits)) - 1) ^ (below(2) ? (1UL << below((u64)bits)) : 0);
    default:
      return (r >> below(64)) & mask;
  }
}

/* Exponent field, biased, with the given maximum (254 or 2046) and bias. */
static u64 genExp(u64 maxExp, u64 bias, int focusInt) {
  u64 k = below(16);
  if (focusInt || k < 3) return bias - 3 + below(70); /* around 1 .. 2^66: integer ranges */
  if (k < 7) return below(maxExp + 1);                /* anywhere (0 = subnormal) */
  if (k < 10) return below(4);                        /* subnormal / min-normal boundary */
  if (k < 12) return maxExp - below(4);               /* overflow boundary */
  return bias - 30 + below(60);                       /* moderate numbers */
}

static u64 gen32(int focusInt) {
  u64 k = below(16);
  if (k == 0) return special32[below(NSPECIAL32)];
  if (k == 1) return rnd() & 0xffffffffUL;
  u64 sign = below(2) << 31;
  return sign | (genExp(254, 127, focusInt && k < 12) << 23) | genMant(23);
}

static u64 gen64(int focusInt) {
  u64 k = below(16);
  if (k == 0) return special64[below(NSPECIAL64)];
  if (k == 1) return rnd();
  u64 sign = below(2) << 63;
  return sign | (genExp(2046, 1023, focusInt && k < 12) << 52) | genMant(52);
}

static u64 genInt(void) {
  u64 k = below(8);
  if (k == 0) return specialInt[below(NSPECIALINT)];
  u64 v = rnd() >> below(64);
  if (k == 1) v &= ~((1UL << below(40)) - 1); /* few low bits: exact conversions */
  if (below(2)) v = (u64)0 - v;
  if (k == 2) v = (u64)(i64)(i32)v; /* sign-extended 32-bit */
  return v;
}

/* A value near v: same magnitude class, a few ulps or exponents away. */
static u64 nearby(u64 v, int is64) {
  u64 k = below(4);
  if (k == 0) return v + below(5) - 2;
  if (k == 1) return v ^ (is64 ? 0x8000000000000000UL : 0x80000000UL);
  if (k == 2) return (v ^ (rnd() & 0xff)) ^ (is64 ? 0x8000000000000000UL : 0x80000000UL);
  /* shift the exponent by up to +-30 (alignment just inside / outside the guard bits) */
  i64 d = (i64)below(61) - 30;
  return is64 ? v + ((u64)d << 52) : (v + ((u64)d << 23)) & 0xffffffffUL;
}

static float asF(u64 v) {
  union {
    u32 u;
    float f;
  } x = {(u32)v};
  return x.f;
}
static u64 fromF(float f) {
  union {
    u32 u;
    float f;
  } x;
  x.f = f;
  return x.u;
}
static double asD(u64 v) {
  union {
    u64 u;
    double d;
  } x = {v};
  return x.d;
}
static u64 fromD(double d) {
  union {
    u64 u;
    double d;
  } x;
  x.d = d;
  return x.u;
}

/* Targets a product / quotient / sum should land near: boundaries where rounding changes
 * classes (underflow, tininess after rounding, overflow, integer limits). */
static const u64 target32[] = {0x00800000, 0x00800000, 0x00800000, 0x007fffff, 0x7f7fffff,
                               0x3f800000, 0x00000001, 0x00400000, 0x4f000000, 0x5f000000};
static const u64 target64[] = {0x0010000000000000UL, 0x0010000000000000UL, 0x0010000000000000UL,
                               0x000fffffffffffffUL, 0x7fefffffffffffffUL, 0x3ff0000000000000UL,
                               0x0000000000000001UL, 0x0008000000000000UL, 0x43e0000000000000UL,
                               0x380fffffe0000000UL, 0x47efffffe0000000UL};

static u64 pickTarget(int is64) {
  u64 t = is64 ? target64[below(sizeof target64 / 8)] : target32[below(sizeof target32 / 8)];
  return nearby(t, is64) & (is64 ? ~0UL : 0xffffffffUL);
}

/*
 * FMA double-rounding traps. buildMidpointC picks c so that c + RN(a*b) is exactly a midpoint
 * (or quarter point) of the result's precision while the product's rounding error is non-zero:
 * rounding twice would then differ from the single rounding an FMA must give. negProd/negC are
 * the variant's sign flips, applied so the trap is set for what the instruction computes.
 */
static int buildMidpointC(int is64, int negProd, int negC, u64 a, u64 b, u64 *c) {
  u64 uh, e, sign, opp = below(2);
  if (is64) {
    double x = asD(a), y = asD(b), p = x * y;
    if (__builtin_fma(x, y, -p) == 0) return 0; /* exact product */
    uh = fromD(p);
    e = (uh >> 52) & 0x7ff;
    if (!(uh & 1) || e == 0 || e > 0x7fc) return 0;
    sign = (uh >> 63) ^ (u64)negProd;
    /* same sign one binade up, or opposite sign two binades up */
    u64 cc = ((sign ^ opp) << 63) | ((e + 1 + opp) << 52) | (rnd() & 0xfffffffffffffUL);
    *c = cc ^ ((u64)negC << 63);
  } else {
    float x = asF(a), y = asF(b), p = x * y;
    if (__builtin_fmaf(x, y, -p) == 0) return 0;
    uh = fromF(p);
    e = (uh >> 23) & 0xff;
    if (!(uh & 1) || e == 0 || e > 0xfc) return 0;
    sign = ((uh >> 31) & 1) ^ (u64)negProd;
    u64 cc = ((sign ^ opp) << 31) | ((e + 1 + opp) << 23) | (rnd() & 0x7fffffUL);
    *c = cc ^ ((u64)negC << 31);
  }
  return 1;
}

static int bitLength(u64 v) { /* rv64gc has no clz instruction and there is no libgcc here */
  int n = 0;
  while (v) v >>= 1, n++;
  return n;
}

static u64 inverse64(u64 b) { /* b odd: inverse mod 2^64 by Newton's iteration */
  u64 x = b;
  for (int i = 0; i < 6; i++) x *= 2 - b * x;
  return x;
}

/*
 * binary64: a*b whose exact product is RN(a*b) +- L * 2^-53 ulp with L in 1..3 (a tiny,
 * non-zero error: A = r / B mod 2^53), then c as above. The error is then exactly at or just
 * beyond half an ulp of the next step's sum, the case an emulated FMA must round to odd.
 */
static void fmaTrap64(int negProd, int negC, u64 *a, u64 *b, u64 *c) {
  const u64 m53 = (1UL << 53) - 1;
  for (int tries = 0; tries < 16; tries++) {
    u64 B = (rnd() | 1 | (1UL << 52)) & m53;
    u64 L = below(2) ? 1 : 1 + below(3); /* L = 1: the tie that needs rounding to odd */
    u64 r = below(2) ? L : (1UL << 53) - L;
    u64 A = (r * inverse64(B)) & m53;
    if (A < (1UL << 52)) continue;
    u64 ea = 1023 - 60 + below(120), eb = 1023 - 60 + below(120);
    *a = (below(2) << 63) | (ea << 52) | (A & 0xfffffffffffffUL);
    *b = (below(2) << 63) | (eb << 52) | (B & 0xfffffffffffffUL);
    if (buildMidpointC(1, negProd, negC, *a, *b, c)) return;
  }
}

/*
 * binary32: a*b = 2^j (2^2n - 1) (factors 2^n - 1 and 2^n + 1, n = 16..23) or
 * 2^j (2^32 + 1) (641 * 6700417) is exact in binary64, and c puts c + a*b one tail 2^j away
 * from an f32 midpoint, a tail binary64 cannot hold: RN64(a*b + c) lands exactly on the
 * midpoint, so rounding that to f32 would be a double rounding.
 */
static void fmaTrap32(u64 *a, u64 *b, u64 *c) {
  u64 fa, fb, n2;
  if (below(4) == 0) {
    fa = 641, fb = 6700417, n2 = 32;
  } else {
    u64 n = 16 + below(8);
    fa = (1UL << n) - 1, fb = (1UL << n) + 1, n2 = 2 * n;
  }
  if (below(2)) {
    u64 t = fa;
    fa = fb;
    fb = t;
  }
  /* a = fa * 2^x and b = fb * 2^y as floats, so a*b = (2^n2 +- 1) * 2^(x + y) */
  int la = bitLength(fa), lb = bitLength(fb);
  i64 x = (i64)below(40) - 20, y = (i64)below(40) - 20;
  *a = (below(2) << 31) | ((u64)(127 + x + la - 1) << 23) | ((fa << (24 - la)) & 0x7fffff);
  *b = (below(2) << 31) | ((u64)(127 + y + lb - 1) << 23) | ((fb << (24 - lb)) & 0x7fffff);
  /* half an f32 ulp of c is 2^(x + y + n2); its binary64 ulp is then 2^(x + y + n2 - 28), so
   * the tail 2^(x + y) falls below half of it. c's significand is non-zero so that c minus
   * half an ulp stays in c's binade. */
  i64 k = x + y + (i64)n2 + 24;
  *c = (below(2) << 31) | ((u64)(127 + k) << 23) | ((rnd() & 0x7fffff) | 1);
}

/*
 * binary64: c about half an ulp of RN(a*b) minus the product's error ul (rounded towards zero),
 * so that the exact a*b + c sits at or next to a midpoint of the result's precision with only
 * the low bits of the product deciding the rounding.
 */
static void fmaTrapRoundToOdd(int negProd, int negC, u64 *a, u64 *b, u64 *c) {
  double x = asD(*a), y = asD(*b);
  double uh = x * y, ul = __builtin_fma(x, y, -uh);
  if (negProd) uh = -uh, ul = -ul;
  u64 e = (fromD(uh) >> 52) & 0x7ff;
  if (ul == 0 || e < 60 || e > 0x7f0) return;
  u64 h = ((e - 53) << 52) | (fromD(ul) & 0x8000000000000000UL); /* half an ulp, ul's sign */
  double cc;
  asm volatile("fsub.d %0, %1, %2, rtz" : "=f"(cc) : "f"(asD(h)), "f"(ul));
  *c = fromD(cc) ^ ((u64)negC << 63);
}

/* One of the traps above for an FMA variant, or nothing (the caller's operands stay). */
static void fmaTrap(int is64, int negProd, int negC, u64 *a, u64 *b, u64 *c) {
  if (is64) {
    u64 k = below(3);
    if (k == 0) fmaTrap64(negProd, negC, a, b, c);
    else if (k == 1) fmaTrapRoundToOdd(negProd, negC, a, b, c);
    else
      for (int tries = 0; tries < 8 && !buildMidpointC(1, negProd, negC, *a, *b, c); tries++)
        *a += 1;
  } else {
    if (below(2)) fmaTrap32(a, b, c);
    else
      for (int tries = 0; tries < 8 && !buildMidpointC(0, negProd, negC, *a, *b, c); tries++)
        *a += 1;
  }
}

static void genOperands(int g, int shape, u64 *a, u64 *b, u64 *c) {
  asm volatile("fsrm zero"); /* the generator's own float arithmetic rounds to nearest even */
  int is64 = g == G_F64;
  u64 mask = is64 ? ~0UL : 0xffffffffUL;
  if (g == G_I64) {
    *a = genInt();
    *b = *c = 0;
    return;
  }
  if (g == G_BOX) {
    /* mostly properly boxed f32 values, sometimes not */
    *a = gen32(0) | (below(4) ? 0xffffffff00000000UL : rnd() << 32);
    *b = gen32(0) | (below(4) ? 0xffffffff00000000UL : rnd() << 32);
    *c = 0;
    return;
  }
  *a = is64 ? gen64(shape == S_TOINT) : gen32(shape == S_TOINT);
  *b = is64 ? gen64(0) : gen32(0);
  *c = is64 ? gen64(0) : gen32(0);
  u64 k = below(4);
  switch (shape) {
    case S_ADD:
    case S_CMP:
      if (k == 0) *b = nearby(*a, is64) & mask;
      else if (k == 1 && shape == S_ADD) /* a + b near a boundary */
        *b = is64 ? fromD(asD(pickTarget(1)) - asD(*a)) : fromF(asF(pickTarget(0)) - asF(*a));
      break;
    case S_MUL:
      if (k == 0)
        *b = is64 ? fromD(asD(pickTarget(1)) / asD(*a)) : fromF(asF(pickTarget(0)) / asF(*a));
      if (k == 1) *b = nearby(*b, is64) & mask;
      break;
    case S_DIV:
      if (k == 0) /* exact or nearly exact quotients */
        *a = is64 ? fromD(asD(*b) * asD(gen64(1))) : fromF(asF(*b) * asF(gen32(1)));
      else if (k == 1)
        *b = is64 ? fromD(asD(*a) / asD(pickTarget(1))) : fromF(asF(*a) / asF(pickTarget(0)));
      if (k < 2 && below(2)) *a = nearby(*a, is64) & mask;
      break;
    case S_SQRT:
      if (k == 0) /* perfect squares and their neighbours */
        *a = is64 ? fromD(asD(*a) * asD(*a)) : fromF(asF(*a) * asF(*a));
      if (k < 2) *a = (below(2) ? *a + below(3) - 1 : *a) & mask;
      if (below(4)) *a &= is64 ? 0x7fffffffffffffffUL : 0x7fffffffUL; /* mostly non-negative */
      break;
    case S_FMA:
    case S_FMS:
    case S_FNMS:
    case S_FNMA:
      if (k == 3) fmaTrap(is64, (shape >> 1) & 1, shape & 1, a, b, c);
      else if (k == 0) /* c close to -(a*b): massive cancellation */
        *c = nearby(is64 ? fromD(-(asD(*a) * asD(*b))) : fromF(-(asF(*a) * asF(*b))), is64) & mask;
      else if (k == 1) /* c close to +(a*b) */
        *c = nearby(is64 ? fromD(asD(*a) * asD(*b)) : fromF(asF(*a) * asF(*b)), is64) & mask;
      else if (k == 2)
        *b = is64 ? fromD(asD(pickTarget(1)) / asD(*a)) : fromF(asF(pickTarget(0)) / asF(*a));
      break;
    case S_NARROW: /* f64 -> f32 near the f32 underflow/overflow boundaries and subnormal ties */
      if (k == 0) *a = 0x3810000000000000UL - (rnd() >> below(64)) % (1UL << 31);
      else if (k == 1) *a = 0x47efffffe0000000UL + (rnd() >> below(64)) % (1UL << 30) - (1UL << 29);
      else if (k == 2) *a = ((0x3690000000000000UL + (below(24) << 52)) | (rnd() & 0xfffffffffffffUL));
      if (k < 3 && below(2)) *a |= 0x8000000000000000UL;
      break;
    default:
      break;
  }
}

/* ---- the operation table ---- */

typedef u64 (*OpFn)(u64, u64, u64, u64);
typedef struct {
  const char *name;
  OpFn fn;
  int gen;
  int shape;
} Op;

static const Op ops[] = {
    {"fadd.s", op_fadd_s, G_F32, S_ADD},
    {"fsub.s", op_fsub_s, G_F32, S_ADD},
    {"fmul.s", op_fmul_s, G_F32, S_MUL},
    {"fdiv.s", op_fdiv_s, G_F32, S_DIV},
    {"fsqrt.s", op_fsqrt_s, G_F32, S_SQRT},
    {"fmadd.s", op_fmadd_s, G_F32, S_FMA},
    {"fmsub.s", op_fmsub_s, G_F32, S_FMS},
    {"fnmsub.s", op_fnmsub_s, G_F32, S_FNMS},
    {"fnmadd.s", op_fnmadd_s, G_F32, S_FNMA},
    {"fmin.s", op_fmin_s, G_F32, S_CMP},
    {"fmax.s", op_fmax_s, G_F32, S_CMP},
    {"fsgnj.s", op_fsgnj_s, G_F32, S_PLAIN},
    {"fsgnjn.s", op_fsgnjn_s, G_F32, S_PLAIN},
    {"fsgnjx.s", op_fsgnjx_s, G_F32, S_PLAIN},
    {"feq.s", op_feq_s, G_F32, S_CMP},
    {"flt.s", op_flt_s, G_F32, S_CMP},
    {"fle.s", op_fle_s, G_F32, S_CMP},
    {"fclass.s", op_fclass_s, G_F32, S_PLAIN},
    {"fcvt.w.s", op_fcvt_w_s, G_F32, S_TOINT},
    {"fcvt.wu.s", op_fcvt_wu_s, G_F32, S_TOINT},
    {"fcvt.l.s", op_fcvt_l_s, G_F32, S_TOINT},
    {"fcvt.lu.s", op_fcvt_lu_s, G_F32, S_TOINT},
    {"fcvt.s.w", op_fcvt_s_w, G_I64, S_PLAIN},
    {"fcvt.s.wu", op_fcvt_s_wu, G_I64, S_PLAIN},
    {"fcvt.s.l", op_fcvt_s_l, G_I64, S_PLAIN},
    {"fcvt.s.lu", op_fcvt_s_lu, G_I64, S_PLAIN},
    {"fcvt.d.s", op_fcvt_d_s, G_F32, S_PLAIN},
    {"fcvt.s.d", op_fcvt_s_d, G_F64, S_NARROW},
    {"fadd.d", op_fadd_d, G_F64, S_ADD},
    {"fsub.d", op_fsub_d, G_F64, S_ADD},
    {"fmul.d", op_fmul_d, G_F64, S_MUL},
    {"fdiv.d", op_fdiv_d, G_F64, S_DIV},
    {"fsqrt.d", op_fsqrt_d, G_F64, S_SQRT},
    {"fmadd.d", op_fmadd_d, G_F64, S_FMA},
    {"fmsub.d", op_fmsub_d, G_F64, S_FMS},
    {"fnmsub.d", op_fnmsub_d, G_F64, S_FNMS},
    {"fnmadd.d", op_fnmadd_d, G_F64, S_FNMA},
    {"fmin.d", op_fmin_d, G_F64, S_CMP},
    {"fmax.d", op_fmax_d, G_F64, S_CMP},
    {"fsgnj.d", op_fsgnj_d, G_F64, S_PLAIN},
    {"fsgnjn.d", op_fsgnjn_d, G_F64, S_PLAIN},
    {"fsgnjx.d", op_fsgnjx_d, G_F64, S_PLAIN},
    {"feq.d", op_feq_d, G_F64, S_CMP},
    {"flt.d", op_flt_d, G_F64, S_CMP},
    {"fle.d", op_fle_d, G_F64, S_CMP},
    {"fclass.d", op_fclass_d, G_F64, S_PLAIN},
    {"fcvt.w.d", op_fcvt_w_d, G_F64, S_TOINT},
    {"fcvt.wu.d", op_fcvt_wu_d, G_F64, S_TOINT},
    {"fcvt.l.d", op_fcvt_l_d, G_F64, S_TOINT},
    {"fcvt.lu.d", op_fcvt_lu_d, G_F64, S_TOINT},
    {"fcvt.d.w", op_fcvt_d_w, G_I64, S_PLAIN},
    {"fcvt.d.wu", op_fcvt_d_wu, G_I64, S_PLAIN},
    {"fcvt.d.l", op_fcvt_d_l, G_I64, S_PLAIN},
    {"fcvt.d.lu", op_fcvt_d_lu, G_I64, S_PLAIN},
    {"box.fadd.s", op_box_fadd_s, G_BOX, S_PLAIN},
    {"box.fsgnj.s", op_box_fsgnj_s, G_BOX, S_PLAIN},
};

#define NOPS (sizeof ops / sizeof ops[0])

static void emit(u32 op, u32 rm, u64 a, u64 b, u64 c) {
  u64 r = ops[op].fn(a, b, c, rm);
  u32 head[2] = {op, rm};
  u64 vals[4] = {a, b, c, r};
  u32 tail[2] = {(u32)gFlags, 0};
  putBytes(head, sizeof head);
  putBytes(vals, sizeof vals);
  putBytes(tail, sizeof tail);
}

int cmain(long argc, char **argv) {
  u64 count = argc > 1 ? parseDec(argv[1]) : 1000;
  rngState = argc > 2 ? parseDec(argv[2]) : 1;
  putStr("FPUVEC1 ");
  putDec(NOPS);
  putStr("\n");
  for (u64 i = 0; i < NOPS; i++) {
    putStr(ops[i].name);
    putStr(i + 1 < NOPS ? " " : "\n");
  }
  for (u32 op = 0; op < NOPS; op++) {
    int g = ops[op].gen;
    for (u32 rm = 0; rm < 5; rm++) {
      u64 n = 0;
      /* Edge cases first (a third of the budget): pairs of special values, then random. */
      u64 budget = count / 3;
      if (g == G_F32 || g == G_F64) {
        u64 ns = g == G_F32 ? NSPECIAL32 : NSPECIAL64;
        for (u64 p = 0; n < budget; p++, n++) {
          u64 i = p % ns, j = (p / ns * 17 + p * 5) % ns, k = (p * 11 + 3) % ns;
          if (g == G_F32)
            emit(op, rm, special32[i], special32[j], special32[k]);
          else
            emit(op, rm, special64[i], special64[j], special64[k]);
        }
      } else if (g == G_I64) {
        for (u64 i = 0; i < NSPECIALINT && n < count; i++, n++) emit(op, rm, specialInt[i], 0, 0);
      }
      for (; n < count; n++) {
        u64 a, b, c;
        genOperands(g, ops[op].shape, &a, &b, &c);
        emit(op, rm, a, b, c);
      }
    }
  }
  flush();
  return 0;
}

/* Linux process entry: sp -> argc, argv[0..], NULL, envp... */
void __attribute__((naked, section(".text.start"))) _start(void) {
  asm volatile(
      ".option push\n\t.option norelax\n\tla gp, __global_pointer$\n\t.option pop\n\t"
      "ld a0, 0(sp)\n\taddi a1, sp, 8\n\tandi sp, sp, -16\n\t"
      "call cmain\n\tli a7, 93\n\tecall\n");
}
