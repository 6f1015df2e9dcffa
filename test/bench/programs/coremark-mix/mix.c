/* CPU-bound benchmark kernel, run in S-mode under Sv39 (start.S). A CoreMark-like mix, written
   for this project: a linked list (merge sort, search, reverse), a small integer matrix multiply,
   a number-parsing state machine and CRC-16 over a 64 KiB buffer (a sliding window, so the run
   touches many 4 KiB pages). The iteration count is fixed at build time (-DITERATIONS=n), so the
   number of instructions is the same on every run and in every emulator; the checksum printed at
   the end lets the bench check that ours computed what QEMU computed. */
#include <stdint.h>

#ifndef ITERATIONS
#define ITERATIONS 100
#endif

#define UART ((volatile uint8_t *)0x10000000)
#define TEST ((volatile uint32_t *)0x100000)

static void putc_(char c) {
  while (!(UART[5] & 0x20)) {
  }
  UART[0] = (uint8_t)c;
}

static void puts_(const char *s) {
  while (*s) putc_(*s++);
}

static void puthex(uint64_t v, int digits) {
  for (int i = (digits - 1) * 4; i >= 0; i -= 4) putc_("0123456789abcdef"[(v >> i) & 15]);
}

static uint32_t lcg(uint32_t *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 8;
}

/* ---- CRC-16 (reflected 0xA001), bit by bit: branches and shifts ---- */
static uint16_t crc16_byte(uint8_t data, uint16_t crc) {
  for (int i = 0; i < 8; i++) {
    uint8_t x = (uint8_t)((data & 1) ^ (crc & 1));
    data >>= 1;
    crc >>= 1;
    if (x) crc ^= 0xa001;
  }
  return crc;
}

static uint16_t crc16_word(uint32_t v, uint16_t crc) {
  for (int i = 0; i < 4; i++) crc = crc16_byte((uint8_t)(v >> (8 * i)), crc);
  return crc;
}

#define BUF_SIZE (64 * 1024)
#define WINDOW 512
static uint8_t buf[BUF_SIZE];

static uint16_t crc_window(unsigned at, uint16_t crc) {
  for (unsigned i = 0; i < WINDOW; i++) crc = crc16_byte(buf[(at + i * 67) % BUF_SIZE], crc);
  return crc;
}

/* ---- linked list: pointer chasing, merge sort ---- */
struct node {
  struct node *next;
  int32_t key;
  int32_t val;
};

#define NODES 128
static struct node nodes[NODES];

static struct node *list_build(uint32_t seed) {
  struct node *head = 0;
  for (int i = NODES - 1; i >= 0; i--) {
    nodes[i].key = (int32_t)(lcg(&seed) & 0xffff) - 0x8000;
    nodes[i].val = i;
    nodes[i].next = head;
    head = &nodes[i];
  }
  return head;
}

/* Bottom-up merge sort of a singly linked list (no recursion, no allocation). */
static struct node *list_sort(struct node *list) {
  for (int k = 1;; k *= 2) {
    struct node *p = list, *tail = 0;
    int merges = 0;
    list = 0;
    while (p) {
      merges++;
      struct node *q = p;
      int psize = 0;
      for (int i = 0; i < k && q; i++) {
        psize++;
        q = q->next;
      }
      int qsize = k;
      while (psize > 0 || (qsize > 0 && q)) {
        struct node *e;
        if (psize == 0) {
          e = q;
          q = q->next;
          qsize--;
        } else if (qsize == 0 || !q || p->key <= q->key) {
          e = p;
          p = p->next;
          psize--;
        } else {
          e = q;
          q = q->next;
          qsize--;
        }
        if (tail)
          tail->next = e;
        else
          list = e;
        tail = e;
      }
      p = q;
    }
    tail->next = 0;
    if (merges <= 1) return list;
  }
}

static struct node *list_reverse(struct node *list) {
  struct node *prev = 0;
  while (list) {
    struct node *next = list->next;
    list->next = prev;
    prev = list;
    list = next;
  }
  return prev;
}

static uint16_t list_work(uint32_t seed, uint16_t crc) {
  struct node *l = list_sort(list_build(seed));
  int32_t prev = INT32_MIN;
  for (struct node *n = l; n; n = n->next) {
    if (n->key < prev) crc ^= 0xdead; /* never: the list is sorted */
    prev = n->key;
  }
  for (int f = 0; f < 4; f++) {
    int32_t want = nodes[(seed >> (f * 3)) % NODES].key;
    int pos = 0;
    struct node *n = l;
    while (n && n->key != want) {
      n = n->next;
      pos++;
    }
    crc = crc16_word((uint32_t)pos, crc);
  }
  l = list_reverse(l);
  crc = crc16_word((uint32_t)l->key, crc);
  crc = crc16_word((uint32_t)l->val, crc);
  return crc;
}

/* ---- matrix: multiply-accumulate, bit extraction ---- */
#define N 12
static int16_t ma[N][N], mb[N][N];
static int32_t mc[N][N];

static uint16_t matrix_work(uint32_t seed, uint16_t crc) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      ma[i][j] = (int16_t)((lcg(&seed) & 0xff) - 128);
      mb[i][j] = (int16_t)((i * N + j + (int)seed) & 0x7f);
    }
  int64_t sum = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int32_t acc = 0;
      for (int k = 0; k < N; k++) acc += ma[i][k] * mb[k][j];
      mc[i][j] = acc;
      sum += (acc >> 2) & 0x3ff;
      if (acc > 5000) sum -= 7;
    }
  /* one division and a remainder per iteration, as real code has a few */
  crc = crc16_word((uint32_t)(sum / 13), crc);
  crc = crc16_word((uint32_t)(mc[N - 1][N - 1] % 97), crc);
  return crc;
}

/* ---- state machine: classify comma-separated tokens (int, float, exponent, invalid) ---- */
enum state { START, INT, FRAC, EXP_SIGN, EXP, INVALID };

static uint16_t state_work(uint32_t seed, uint16_t crc) {
  static const char *const pieces[] = {"123", "-45", "6.75", "0.5e3", "1e-9", "x7", "88.",
                                       "+2",  "3e",  "9999", "-.5",   ".",    "42", "7E+2"};
  char text[160];
  unsigned len = 0;
  while (len < sizeof text - 8) {
    const char *p = pieces[lcg(&seed) % (sizeof pieces / sizeof pieces[0])];
    while (*p) text[len++] = *p++;
    text[len++] = ',';
  }
  unsigned counts[6] = {0};
  enum state s = START;
  for (unsigned i = 0; i < len; i++) {
    char c = text[i];
    if (c == ',') {
      counts[s]++;
      s = START;
      continue;
    }
    int digit = c >= '0' && c <= '9';
    switch (s) {
    case START:
      s = digit || c == '+' || c == '-' ? INT : c == '.' ? FRAC : INVALID;
      break;
    case INT:
      s = digit ? INT : c == '.' ? FRAC : c == 'e' || c == 'E' ? EXP_SIGN : INVALID;
      break;
    case FRAC:
      s = digit ? FRAC : c == 'e' || c == 'E' ? EXP_SIGN : INVALID;
      break;
    case EXP_SIGN:
      s = digit || c == '+' || c == '-' ? EXP : INVALID;
      break;
    case EXP:
      s = digit ? EXP : INVALID;
      break;
    default:
      break;
    }
  }
  for (int i = 0; i < 6; i++) crc = crc16_word(counts[i], crc);
  return crc;
}

static uint64_t rdtime(void) {
  uint64_t t;
  __asm__ volatile("rdtime %0" : "=r"(t));
  return t;
}

void bench_main(void) {
  /* mtime ticks over the run: under QEMU -icount shift=0 one tick is 100 instructions, which
     lets the bench check QEMU's instruction count against ours */
  uint64_t t0 = rdtime();
  uint32_t seed = 0x2545f491u;
  for (unsigned i = 0; i < BUF_SIZE; i++) buf[i] = (uint8_t)lcg(&seed);
  uint16_t crc = 0;
  for (uint32_t it = 0; it < ITERATIONS; it++) {
    uint32_t s = it * 0x9e3779b9u ^ crc;
    crc = list_work(s, crc);
    crc = matrix_work(s, crc);
    crc = state_work(s, crc);
    crc = crc_window((it * 4099u) % BUF_SIZE, crc);
  }
  uint64_t ticks = rdtime() - t0;
  puts_("TICKS ");
  puthex(ticks, 16);
  putc_('\n');
  puts_("CHECKSUM ");
  puthex(crc, 4);
  puts_(" ITERATIONS ");
  puthex(ITERATIONS, 8);
  putc_('\n');
  *TEST = 0x5555;
  for (;;) {
  }
}
