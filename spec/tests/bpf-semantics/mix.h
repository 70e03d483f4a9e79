/* A function using most BPF instructions, compiled twice: to BPF inside
   the hook and natively inside the native half.  The two results must
   agree for every input.  */
static const uint32_t table[8] = { 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35,
				   0x27d4eb2f, 0x165667b1, 0xd3a2646c,
				   0xfd7046c5, 0xb55a4f09 };
static uint64_t state[4];

static inline uint64_t
mix (uint64_t a, uint64_t b)
{
  uint64_t x = a * 0x9e3779b97f4a7c15ull + b;
  uint32_t w = (uint32_t) a;
  int64_t sa = (int64_t) a;
  int32_t sw = (int32_t) w;

  x ^= x >> 29;
  x += (uint64_t) (w * 2654435761u);
  x ^= (uint64_t) (sa >> 7);			/* arithmetic shift */
  x += (uint64_t) (int64_t) (sw >> 3);
  x ^= (uint64_t) (w >> (b & 31)) << (a & 15);
  if (b != 0)
    x += a / b + a % b;				/* unsigned division */
  if ((uint32_t) b != 0)
    x ^= w / (uint32_t) b + w % (uint32_t) b;
  x += table[(a ^ b) & 7];
  if (sa < -5)
    x ^= 0x1111;
  if (sw > 100)
    x += 7;
  if ((a & 0xff00) == 0x1200)
    x = ~x;
  for (uint64_t i = 0; i < (b & 7); i++)
    x = (x << 5) | (x >> 59);
  state[a & 3] += x;
  x += state[(a + 1) & 3];
  x -= (uint64_t) -(int64_t) (b & 0xffff);
  x ^= (uint16_t) (a >> 16);
  x += (uint8_t) (b >> 8);
  /* Bit builtins: bpf-gcc calls libgcc for these, clang expands them.
     (clang 14's BPF back end cannot compile __builtin_clz/ctz.)  */
  x += __builtin_bswap32 (w) + __builtin_bswap64 (b);
  x ^= (uint64_t) __builtin_popcountll (x) << 3;
  x += (uint64_t) __builtin_popcount (w) << 11;
  return x;
}
