/* Print one operation reported by the BPF half: slow_call (OP) with the
   operands in arg0 (and arg1) and the widths of operand 1, operand 2 and
   the result in arg2, arg3 and arg4.  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3, arg4;

static const char *const names[] =
{
  "?", "add", "sub", "neg", "mul", "udiv", "sdiv", "urem", "srem_1starg",
  "srem_2ndarg", "srem_nonneg", "and", "nand", "or", "nor", "xor", "eqv",
  "not", "clz", "ctz", "shl", "lshr", "ashr", "trunc", "zext", "sext"
};

/* Operations with one operand.  */
static int
unary_p (uint64_t op)
{
  return op == 3 || op == 17 || op == 18 || op == 19 || op >= 23;
}

uint64_t
event_dispatch_slow_call (uint64_t op)
{
  if (op >= sizeof names / sizeof names[0])
    op = 0;
  if (unary_p (op))
    fprintf (stderr, "%s %#llx (%llu -> %llu)\n", names[op],
	     (unsigned long long) arg0, (unsigned long long) arg2,
	     (unsigned long long) arg4);
  else
    fprintf (stderr, "%s %#llx %#llx (%llu %llu -> %llu)\n", names[op],
	     (unsigned long long) arg0, (unsigned long long) arg1,
	     (unsigned long long) arg2, (unsigned long long) arg3,
	     (unsigned long long) arg4);
  return 0;
}
