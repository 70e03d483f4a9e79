/* afl-fuzz's edge coverage: the BPF half.

   AFL's classic scheme on the conditional branches: every branch outcome
   (a branch taken or not taken, a switch's edge) has a number CUR, the
   byte map[CUR ^ PREV] is incremented (wrapping at 256), and PREV becomes
   CUR >> 1, so that A then B and B then A count in different bytes.
   CUR is the branch's pseudo_pc () folded into the map, with a constant
   mixed in when the branch is taken: both directions of one branch are
   told apart at once, not only by the branch that comes next.

   The map is the one afl-fuzz shares with the program: the native half
   (inst-native.c) points AFL_AREA at it, or at a map of its own when no
   fuzzer runs the program.  Each hook is a few instructions: loads of
   AFL_AREA and PREV, a xor and a select with constants, a byte
   increment, a store of PREV.  */
#include <bpfinst/bpf.h>

/* The map's size, a power of two; the native half announces it to
   afl-fuzz.  */
#define MAP_SIZE 65536

/* Mixed into CUR on the taken side of a branch.  */
#define TAKEN 0x9e37

extern uint8_t *gccinst_afl_area;

static uint64_t prev;

void
inst_br (uint64_t cond)
{
  uint64_t cur = (pseudo_pc () ^ (cond ? TAKEN : 0)) & (MAP_SIZE - 1);

  gccinst_afl_area[cur ^ prev] += 1;
  prev = cur >> 1;
}
