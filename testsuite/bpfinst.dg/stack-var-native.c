/* Native half of stack-var.bpf.c: the values its hooks must compute,
   computed here in plain C.  */
#include <bpfinst/native.h>

uint64_t stack_out[4];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}

/* Did the hook of operation OP (0 add, 1 sub, 2 mul, 3 udiv) on A and
   B leave the right value?  */
int
test_stack (int op, uint64_t a, uint64_t b)
{
  uint64_t want = 0;
  switch (op)
    {
    case 0:
      {
	uint64_t buf[4] = { a, b, a + b, a ^ b };
	want = buf[(a & 1) + 2] + buf[b & 3];
	break;
      }
    case 1:
      want = a + a * 3 + (uint32_t) ((uint32_t) a + 1) + b;
      break;
    case 2:
      want = (a * (a & 15) + b) + (a * (b & 15) + b) * 3;
      break;
    default:
      for (uint64_t i = 0; i < (b & 7) + 1; i++)
	want += (a + i * b) * (i + 1);
      break;
    }
  return stack_out[op] == want;
}
