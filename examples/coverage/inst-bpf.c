/* Edge coverage: every conditional branch, taken or not taken, is an edge.
   Each edge owns one byte of the native half's coverage map, indexed by a
   hash of the branch's pseudo_pc and its direction.  The map and its size
   live in the native half; the hook itself only counts.  */
#include <bpfinst/bpf.h>

#define MAP_SIZE 65536

extern uint8_t bpfinst_cov_map[MAP_SIZE];
extern uint64_t bpfinst_cov_branches;

void
inst_br (uint64_t cond)
{
  uint64_t idx = (pseudo_pc () ^ (cond ? 0x5bd1e995u : 0)) & (MAP_SIZE - 1);
  uint8_t n = bpfinst_cov_map[idx];
  /* Saturate rather than wrap, so an edge once hit stays hit.  */
  if (n != 255)
    bpfinst_cov_map[idx] = n + 1;
  bpfinst_cov_branches++;
}
