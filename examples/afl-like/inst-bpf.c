/* AFL-style edge coverage: the BPF half.

   Before every conditional branch (a switch counts once, on the edge it
   takes), the pair (previous branch, this branch) selects one byte of a
   64 KiB map, which is incremented (wrapping at 256, as AFL's counters
   do); the previous branch is then this one.  pseudo_pc () is a
   compile-time constant, so each hook is a handful of instructions:
   a load of PREV, a xor with a constant, a byte increment, a store of
   a constant.

   The map is defined by the native half (inst-native.c), so that the
   native half can read it at exit; PREV is private to this half and
   lives in its .bss, which GCCInst makes one object per linked program.  */
#include <bpfinst/bpf.h>

#define MAP_SIZE 65536

extern uint8_t afl_like_map[MAP_SIZE];

static uint64_t prev;

void
inst_br (uint64_t cond)
{
  (void) cond;
  afl_like_map[((prev >> 1) ^ pseudo_pc ()) & (MAP_SIZE - 1)] += 1;
  prev = pseudo_pc ();
}
