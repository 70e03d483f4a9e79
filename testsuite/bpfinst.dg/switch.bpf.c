/* A hook with a switch: the slow-call code depends on the width of the
   addition (and folds to a single call per addition).  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  uint64_t code;
  switch (bit_width_res ())
    {
    case 8:
      code = 1;
      break;
    case 16:
      code = 2;
      break;
    case 32:
      code = 3;
      break;
    case 64:
      code = 4;
      break;
    default:
      code = 5;
      break;
    }
  slow_call (code);
}
