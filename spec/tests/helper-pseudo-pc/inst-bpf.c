/* pseudo_pc () names the operation: every execution of one multiplication
   gets the same value, different multiplications different values.  Each
   distinct value gets a number in order of first appearance.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

static uint64_t pc0, pc1, pc2, pc3;
static uint64_t npcs;

void
inst_mul (uint64_t a, uint64_t b)
{
  uint64_t pc = pseudo_pc ();
  uint64_t n;

  (void) a;
  if (b != 1000003)
    return;
  arg1 = 0;
  if (npcs > 0 && pc == pc0)
    n = 0;
  else if (npcs > 1 && pc == pc1)
    n = 1;
  else if (npcs > 2 && pc == pc2)
    n = 2;
  else if (npcs > 3 && pc == pc3)
    n = 3;
  else
    {
      n = npcs++;
      if (n == 0)
	pc0 = pc;
      else if (n == 1)
	pc1 = pc;
      else if (n == 2)
	pc2 = pc;
      else
	pc3 = pc;
      arg1 = 1;
    }
  arg0 = n;
  slow_call (1);
}
