/* bpf-verify.h - what the verifier's passes share (not a public API).

   bpf-verify.c decodes each function, builds its control-flow graph and
   runs the dataflow analysis below; bpf-bound.c then bounds its loops and
   the instructions one call can run, from the same graph and states.  */

#ifndef BPFINST_BPF_VERIFY_H
#define BPFINST_BPF_VERIFY_H

#include "bpf-prog.h"

/* Locations the dataflow tracks: the registers R0..R10, then the 8-byte
   stack slots at R10 - 8, R10 - 16, ... (slot K at R10 - 8 * (K + 1)).  */
#define BPFV_NREGS 11
#define BPFV_NSLOTS (BPFI_STACK_SIZE / 8)
#define BPFV_NLOCS (BPFV_NREGS + BPFV_NSLOTS)

/* The abstract value of a location.  */
enum bpfv_kind
{
  BPFV_SCALAR = 0,	/* not a stack pointer: see base, lo, hi */
  BPFV_STACK,		/* R10 plus an offset in [(int64_t) lo,
			   (int64_t) hi] */
  BPFV_CONFLICT,	/* a stack pointer on some paths only */
  BPFV_MAP		/* the address of map lo (== hi): only the map
			   helpers take it */
};

/* Offset ranges are int64_t pairs; this one stands for any offset.  */
#define BPFV_OFF_MIN INT64_MIN
#define BPFV_OFF_MAX INT64_MAX

/* bpfv_val.pmask: besides the argument registers (bits 1 .. 5), this
   bit says the value may also not come from an argument.  */
#define BPFV_PMASK_OTHER 1

struct bpfv_val
{
  uint8_t kind;
  /* BPFV_SCALAR: 0 for a number in [lo, hi] (unsigned); 1 + I for the
     address of data section I plus an offset in [(int64_t) lo,
     (int64_t) hi]; -1 - I for that of extern I.  */
  int32_t base;
  /* BPFV_SCALAR numbers: the argument registers whose values on entry
     this value may be, plus an offset (bit N: RN; BPFV_PMASK_OTHER: or
     something else).  When it is one bit, the value is that argument
     plus an offset in [plo, phi]: were the argument a pointer into a
     caller's frame, so would the value be.  */
  uint8_t pmask;
  int64_t plo, phi;
  /* Nonzero: every location with the same id holds the same value (what
     a branch learns about one, it learns about all).  The id of a value
     is 1 + the index of the instruction that made it; when that
     instruction runs again, the old value loses its id.  */
  uint32_t id;
  /* Nonzero: the value is the one with id RID plus ROFF (mod 2^64), as
     long as that value has its id.  */
  uint32_t rid;
  uint64_t roff;
  /* BPFV_X_*: the value is the one with id XID shifted left by 32, or
     its low half zero- or sign-extended (so that extending a value twice
     gives the same value).  */
  uint8_t xkind;
  uint32_t xid;
  uint64_t lo, hi;
  /* BPFV_SCALAR numbers: the range of the low 32 bits, on their own (what
     32-bit operations and comparisons see).  */
  uint32_t lo32, hi32;
};

enum { BPFV_X_NONE, BPFV_X_SHL32, BPFV_X_ZEXT32, BPFV_X_SEXT32 };

/* The ids of the arguments' values on entry (R1 .. R5): above every
   instruction's.  */
#define BPFV_ARG_ID(r) (UINT32_MAX - 8 + (r))

struct bpfv_state
{
  bool visited;
  uint16_t init;	/* registers initialized on every path */
  uint16_t written;	/* registers written on every path */
  struct bpfv_val v[BPFV_NLOCS];
};

/* The control-flow graph of a function's reachable instructions.  */
struct bpfv_cfg
{
  size_t nb;		/* basic blocks */
  size_t *start;	/* per block: its first instruction */
  size_t *last;		/* its last instruction */
  size_t *end;		/* one past its last slot */
  int *nsucc;		/* its successors: 0, 1 or 2 (succ[2 * B + K]; */
  int *succ;		/* for a conditional jump, K = 0 is the target) */
  int *pred_off;	/* its predecessors: pred[pred_off[B] ..  */
  int *pred;		/*   pred_off[B + 1] - 1], with repeats */
  int *rpo;		/* the blocks in reverse postorder from block 0 */
  int *rpo_num;		/* per block: its position in rpo */
  int *block_of;	/* per instruction: its block, or -1 */
};

/* The number in [LO, HI] (unsigned).  */
struct bpfv_val bpfv_range (uint64_t lo, uint64_t hi);

/* Neither a number nor one stack address: what paths disagree on.  */
struct bpfv_val bpfv_conflict (void);

/* The W low bits set.  */
uint64_t bpfv_mask (int w);

/* The jump code that tests the same as CODE with its operands swapped
   (a > b is b < a).  */
int bpfv_mirror_jump (int code);

/* The range of the low W bits of V's number (all of them when V is not
   a number).  */
void bpfv_low_range (const struct bpfv_val *v, int w, uint64_t *lo,
		     uint64_t *hi);

/* Apply instruction I of F to *S.  */
void bpfv_transfer (const struct bpfi_object *obj, const struct bpfi_func *f,
		    size_t i, struct bpfv_state *s);

/* *S, the state after the last instruction of a block, as it flows along
   the block's successor edge K: narrowed by a conditional jump.  Returns
   false when the jump cannot go that way (*S is then left as it was).  */
bool bpfv_edge (const struct bpfi_func *f, size_t last, int k,
		struct bpfv_state *s);

/* What pass 3 learns of a loop whose head is block HEAD: the head runs
   at most TRIPS times per entry into the loop, and a location L whose
   STEP[L] is not 0 holds there, in its K-th run (from 0), its value on
   entry ENTRY[L] plus K * STEP[L] (mod 2^64); or, when ZEXT32[L], that
   sum's low 32 bits zero-extended (from the second run on).  */
struct bpfv_loop_iv
{
  int head;
  uint64_t trips;
  uint64_t step[BPFV_NLOCS];
  bool zext32[BPFV_NLOCS];
  struct bpfv_val entry[BPFV_NLOCS];
};

/* Pass 3: bound the loops of F and the instructions one call runs; set
   F->max_insns.  IN holds the state at the start of each block from a
   run of the dataflow that does not follow the edges bpfv_edge finds
   impossible (a block it never reaches is not visited).  When IVS is
   not NULL, *IVS receives what it learns of each loop (malloc'ed, *NIVS
   of them).  Returns 0, or -EINVAL with *ERR filled in.  */
int bpfv_bound (const struct bpfi_object *obj, struct bpfi_func *f,
		const struct bpfv_cfg *cfg, const struct bpfv_state *in,
		struct bpfv_loop_iv **ivs, size_t *nivs,
		struct bpfi_error *err);

#endif /* BPFINST_BPF_VERIFY_H */
