/* Edge coverage: every conditional branch, taken or not taken, is an
   edge, and so is every edge out of a switch.  Each edge owns one 32-bit
   counter of the native half's map, at index (pseudo_pc () + cond) mod
   MAP_SIZE: the branch's two directions are neighbours.  The map and its
   size live in the native half; the hook only counts, with one memory
   increment (pseudo_pc () is a constant, so only cond is computed at run
   time).  A counter wraps after 2^32 hits.  */
#include <bpfinst/bpf.h>

#define MAP_SIZE 65536

extern uint32_t bpfinst_cov_map[MAP_SIZE];

void
inst_br (uint64_t cond)
{
  bpfinst_cov_map[(pseudo_pc () + cond) & (MAP_SIZE - 1)] += 1;
}
