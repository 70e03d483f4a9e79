/* Hooks that use their BPF stack as clang and bpf-gcc compile it: a
   variable index into a stack array, a struct on the stack filled by a
   static callee through a pointer, a loop filling a stack array, and a
   callee reading its caller's array through a pointer.  Each leaves its
   result in stack_out for the native half to check.  */
#include <bpfinst/bpf.h>

extern uint64_t stack_out[4];

/* buf[(a & 1) + 2] + buf[b & 3]: an address R10 + a variable.  */
void
inst_add (uint64_t a, uint64_t b)
{
  uint64_t buf[4];
  buf[0] = a;
  buf[1] = b;
  buf[2] = a + b;
  buf[3] = a ^ b;
  stack_out[0] = buf[(a & 1) + 2] + buf[b & 3];
}

struct pair
{
  uint64_t x, y;
  uint32_t z;
};

static __attribute__ ((noinline)) void
fill (struct pair *p, uint64_t a)
{
  p->x = a;
  p->y = a * 3;
  p->z = (uint32_t) a + 1;
}

/* A struct on the stack, written by a callee: constant positions.  */
void
inst_sub (uint64_t a, uint64_t b)
{
  struct pair p;
  fill (&p, a);
  stack_out[1] = p.x + p.y + p.z + b;
}

/* A loop filling the array, then reads at a and b & 15.  */
void
inst_mul (uint64_t a, uint64_t b)
{
  uint64_t buf[16];
#if defined __clang__
#pragma clang loop unroll(disable)
#else
#pragma GCC unroll 1
#endif
  for (uint64_t i = 0; i < 16; i++)
    buf[i] = a * i + b;
  stack_out[2] = buf[a & 15] + buf[b & 15] * 3;
}

static __attribute__ ((noinline)) uint64_t
sum (const uint64_t *v, uint64_t n)
{
  uint64_t s = 0;
  for (uint64_t i = 0; i < n && i < 8; i++)
    s += v[i] * (i + 1);
  return s;
}

/* The caller's array, read by a callee through the pointer.  */
void
inst_udiv (uint64_t a, uint64_t b)
{
  uint64_t v[8];
  for (int i = 0; i < 8; i++)
    v[i] = a + i * b;
  stack_out[3] = sum (v, (b & 7) + 1);
}
