/* The instrumenter's static data exists once per program, whichever
   translation unit an operation is in: a counter in .bss, a running total
   in .data, a table in .rodata and string literals.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3;

static uint64_t count;
static uint64_t total = 1000;
static const uint64_t table[4] = { 11, 22, 33, 44 };

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  count++;
  total += a;
  arg0 = count;
  arg1 = total;
  arg2 = table[count % 4];
  arg3 = (uint64_t) (count % 2 ? "odd" : "even");
  slow_call (1);
}
