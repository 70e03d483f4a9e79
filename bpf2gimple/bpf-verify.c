/* bpf-verify.c - check that the functions of a BPF half are safe to inline.

   For each function reachable from a global one:
   1. decode every instruction by the opcode table (bpf-opcodes.def), find
      the leaders, loop heads and reachable instructions, and check that
      the exit can be reached from everywhere;
   2. run a forward dataflow analysis over the basic blocks: which
      registers are initialized, which hold R10 plus an offset in a known
      range (the stack pointers), which hold the address of instrumenter
      data plus an offset in a range, which may be an argument's value
      plus an offset (a pointer into a caller's frame, when the caller
      passes one), and the range of every other register and stack slot;
      then check each instruction against the state before it;
   3. bound its loops and the instructions one call can run (bpf-bound.c).
   A memory access whose offset is known only as a range must lie within
   the frame (or the data section) for every offset of the range.  When
   one does not, the range may have grown at a loop's head: the dataflow
   runs once more, knowing from pass 3 how far each induction variable
   goes, and checks again.
   The results are stored in bpfi_insn_info and bpfi_func for the GIMPLE
   emitter.  */

#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf-prog.h"
#include "bpf-verify.h"

#define NREGS BPFV_NREGS
#define NLOCS BPFV_NLOCS
#define ARG_REGS ((uint16_t) 0x3e)	/* R1..R5 */
#define UMAX UINT64_MAX

/* Longest chain of BPF-to-BPF calls accepted (it bounds recursion here
   and inlining depth in the emitter).  */
#define MAX_CALL_DEPTH 64

/* Report an error in function F (or none) at instruction INSN.  */
#define fail(err, f, insn, ...) \
  bpfi_error_set ((err), (f) ? (f)->name : NULL, (insn), __VA_ARGS__)

static int
fail_opcode (struct bpfi_error *err, const struct bpfi_func *f, size_t i,
	     const char *what)
{
  return fail (err, f, (long) i, "unsupported opcode 0x%02x (%s)",
	       f->insns[i].code, what);
}

/* ---------------------------------------------------------------------- */
/* Pass 1: decoding and structure.  */

/* Decode instruction I (not an IMM64_HI slot) by the opcode table and
   check what the table cannot: register numbers, calls, ld_imm64.  */
static int
check_insn (struct bpfi_error *err, struct bpfi_func *f, size_t i)
{
  const struct bpf_insn *insn = &f->insns[i];
  struct bpfi_insn_info *info = &f->info[i];
  const struct bpfi_opcode *op = bpfi_opcode_find (insn);
  if (op == NULL)
    return fail_opcode (err, f, i, bpfi_opcode_refusal (insn));

  unsigned regs[2];
  int nregs = 0;
  if (op->operands & (BPFI_OPND_DST_R | BPFI_OPND_DST_W | BPFI_OPND_MEM_DST))
    regs[nregs++] = insn->dst_reg;
  if (op->operands & (BPFI_OPND_SRC_R | BPFI_OPND_SRC_W | BPFI_OPND_MEM_SRC))
    regs[nregs++] = insn->src_reg;
  for (int k = 0; k < nregs; k++)
    if (regs[k] >= NREGS)
      {
	char what[64];
	snprintf (what, sizeof what, "invalid register r%u", regs[k]);
	return fail_opcode (err, f, i, what);
      }

  if (op->lower == BPFI_LOWER_CALL)
    {
      if (info->kind == BPFI_RELOC_HELPER)
	{
	  if (info->index <= BPFI_HELPER_NONE
	      || info->index >= BPFI_HELPER_COUNT)
	    return fail (err, f, (long) i, "unknown helper 'number %d'",
			 info->index);
	}
      else if (info->kind != BPFI_RELOC_CALL)
	return fail (err, f, (long) i, "unknown helper 'number %d'",
		     insn->imm);
    }
  if (op->lower == BPFI_LOWER_LD_IMM64 && insn->src_reg != 0
      && info->kind == BPFI_RELOC_NONE)
    {
      char what[64];
      snprintf (what, sizeof what, "ld_imm64 with src_reg %u",
		(unsigned) insn->src_reg);
      return fail_opcode (err, f, i, what);
    }
  info->op = op;
  return 0;
}

static bool
is_jump (const struct bpfi_opcode *op)
{
  return op->succ == BPFI_SUCC_JUMP || op->succ == BPFI_SUCC_COND;
}

/* Every reachable instruction must have a path to an EXIT: otherwise the
   hook can loop forever (a cycle with no way out).  Called after the
   reachability pass, which has checked that every successor of a
   reachable instruction is in range.  Walks the reversed control-flow
   graph from the EXITs.  */
static int
check_exit_reachable (struct bpfi_func *f, struct bpfi_error *err)
{
  size_t n = f->ninsns;
  size_t *npred = calloc (n + 1, sizeof *npred);
  size_t *pred = malloc ((2 * n + 1) * sizeof *pred);
  size_t *work = malloc ((n + 1) * sizeof *work);
  unsigned char *live = calloc (n + 1, 1);
  int ret = 0;
  if (npred == NULL || pred == NULL || work == NULL || live == NULL)
    {
      ret = fail (err, f, -1, "out of memory");
      goto done;
    }

  /* Predecessor lists of the reachable instructions, in one array:
     those of S are pred[npred[S] .. npred[S + 1] - 1].  */
  size_t succ[2];
  for (size_t i = 0; i < n; i++)
    if (f->info[i].flags & BPFI_INSN_REACHABLE)
      {
	int ns = bpfi_insn_succs (f, i, succ);
	for (int k = 0; k < ns; k++)
	  if (succ[k] < n)
	    npred[succ[k] + 1]++;
      }
  for (size_t i = 0; i < n; i++)
    npred[i + 1] += npred[i];
  size_t *fill = work;		/* reused below as the worklist */
  for (size_t i = 0; i < n; i++)
    fill[i] = npred[i];
  for (size_t i = 0; i < n; i++)
    if (f->info[i].flags & BPFI_INSN_REACHABLE)
      {
	int ns = bpfi_insn_succs (f, i, succ);
	for (int k = 0; k < ns; k++)
	  if (succ[k] < n)
	    pred[fill[succ[k]]++] = i;
      }

  size_t sp = 0;
  for (size_t i = 0; i < n; i++)
    if ((f->info[i].flags & BPFI_INSN_REACHABLE)
	&& !(f->info[i].flags & BPFI_INSN_IMM64_HI)
	&& f->info[i].op->succ == BPFI_SUCC_EXIT)
      {
	live[i] = 1;
	work[sp++] = i;
      }
  while (sp > 0)
    {
      size_t s = work[--sp];
      for (size_t k = npred[s]; k < npred[s + 1]; k++)
	if (!live[pred[k]])
	  {
	    live[pred[k]] = 1;
	    work[sp++] = pred[k];
	  }
    }
  for (size_t i = 0; i < n; i++)
    if ((f->info[i].flags & BPFI_INSN_REACHABLE)
	&& !(f->info[i].flags & BPFI_INSN_IMM64_HI) && !live[i])
      {
	ret = fail (err, f, (long) i, "unbounded loop: no path from here "
		    "to the end of the function");
	break;
      }
done:
  free (npred);
  free (pred);
  free (work);
  free (live);
  return ret;
}

/* Pass 1: decoding, jump targets, leaders, loop heads, reachability.  */
static int
check_structure (struct bpfi_func *f, struct bpfi_error *err)
{
  size_t n = f->ninsns;
  if (n == 0)
    return fail (err, f, 0, "falls off the end of the function (empty "
		 "function)");
  for (size_t i = 0; i < n; i++)
    {
      f->info[i].op = NULL;
      f->info[i].flags = 0;
      f->info[i].live_in = 0;
      f->info[i].stack_off = 0;
      f->info[i].map = 0;
      f->info[i].key_off = 0;
      f->info[i].value_off = 0;
    }
  /* Mark the second halves of ld_imm64 first, so that forward jumps
     into them are caught.  */
  for (size_t i = 0; i < n; i++)
    if (f->insns[i].code == (BPF_LD | BPF_IMM | BPF_DW))
      {
	if (i + 1 >= n)
	  return fail (err, f, (long) i, "truncated or corrupt ELF: ld_imm64 "
		       "at the end of the function");
	const struct bpf_insn *hi = &f->insns[i + 1];
	if (hi->code != 0 || hi->dst_reg != 0 || hi->src_reg != 0
	    || hi->off != 0)
	  return fail_opcode (err, f, i, "malformed ld_imm64");
	f->info[i + 1].flags |= BPFI_INSN_IMM64_HI;
	i++;
      }

  f->info[0].flags |= BPFI_INSN_LEADER;
  for (size_t i = 0; i < n; i++)
    {
      if (f->info[i].flags & BPFI_INSN_IMM64_HI)
	continue;
      int ret = check_insn (err, f, i);
      if (ret)
	return ret;
      const struct bpfi_opcode *op = f->info[i].op;
      if (is_jump (op))
	{
	  long t = (long) i + f->insns[i].off + 1;
	  if (t < 0 || (size_t) t >= n)
	    return fail (err, f, (long) i, "jump out of range (target %ld)",
			 t);
	  if (f->info[t].flags & BPFI_INSN_IMM64_HI)
	    return fail (err, f, (long) i, "jump into the middle of "
			 "ld_imm64");
	  f->info[t].flags |= BPFI_INSN_LEADER;
	  if ((size_t) t <= i)
	    f->info[t].flags |= BPFI_INSN_LOOP_HEAD;
	}
      if ((is_jump (op) || op->succ == BPFI_SUCC_EXIT) && i + 1 < n)
	f->info[i + 1].flags |= BPFI_INSN_LEADER;
    }

  /* Reachability, by a worklist over instruction indexes.  */
  size_t *stack = malloc (n * sizeof *stack);
  if (stack == NULL)
    return fail (err, f, -1, "out of memory");
  size_t sp = 0;
  stack[sp++] = 0;
  f->info[0].flags |= BPFI_INSN_REACHABLE;
  int ret = 0;
  while (sp > 0)
    {
      size_t i = stack[--sp];
      size_t succ[2];
      int nsucc = bpfi_insn_succs (f, i, succ);
      if (f->info[i].op->succ == BPFI_SUCC_IMM64)
	f->info[i + 1].flags |= BPFI_INSN_REACHABLE;
      for (int k = 0; k < nsucc; k++)
	{
	  size_t s = succ[k];
	  if (s >= n)
	    {
	      ret = fail (err, f, (long) i, "falls off the end of the "
			  "function");
	      goto out;
	    }
	  if (!(f->info[s].flags & BPFI_INSN_REACHABLE))
	    {
	      f->info[s].flags |= BPFI_INSN_REACHABLE;
	      stack[sp++] = s;
	    }
	}
    }
  if (ret == 0)
    ret = check_exit_reachable (f, err);
out:
  free (stack);
  return ret;
}

/* The control-flow graph of F's reachable instructions (after pass 1).  */
static void
cfg_free (struct bpfv_cfg *g)
{
  free (g->start);
  free (g->last);
  free (g->end);
  free (g->nsucc);
  free (g->succ);
  free (g->pred_off);
  free (g->pred);
  free (g->rpo);
  free (g->rpo_num);
  free (g->block_of);
  memset (g, 0, sizeof *g);
}

static int
cfg_build (struct bpfi_func *f, struct bpfv_cfg *g, struct bpfi_error *err)
{
  size_t n = f->ninsns, nb = 0;
  memset (g, 0, sizeof *g);
  for (size_t i = 0; i < n; i++)
    if ((f->info[i].flags & (BPFI_INSN_LEADER | BPFI_INSN_REACHABLE))
	== (BPFI_INSN_LEADER | BPFI_INSN_REACHABLE))
      nb++;
  g->nb = nb;
  g->start = malloc (nb * sizeof *g->start);
  g->last = malloc (nb * sizeof *g->last);
  g->end = malloc (nb * sizeof *g->end);
  g->nsucc = calloc (nb, sizeof *g->nsucc);
  g->succ = malloc (2 * nb * sizeof *g->succ);
  g->pred_off = calloc (nb + 1, sizeof *g->pred_off);
  g->pred = malloc ((2 * nb + 1) * sizeof *g->pred);
  g->rpo = malloc (nb * sizeof *g->rpo);
  g->rpo_num = malloc (nb * sizeof *g->rpo_num);
  g->block_of = malloc (n * sizeof *g->block_of);
  int *stack = malloc (2 * nb * sizeof *stack);
  if (!g->start || !g->last || !g->end || !g->nsucc || !g->succ
      || !g->pred_off || !g->pred || !g->rpo || !g->rpo_num || !g->block_of
      || !stack)
    {
      free (stack);
      cfg_free (g);
      return fail (err, f, -1, "out of memory");
    }

  /* Blocks are numbered in instruction order.  */
  int b = -1, cur = -1;
  for (size_t i = 0; i < n; i++)
    {
      const struct bpfi_insn_info *info = &f->info[i];
      if (info->flags & BPFI_INSN_LEADER)
	{
	  if (info->flags & BPFI_INSN_REACHABLE)
	    {
	      cur = ++b;
	      g->start[cur] = i;
	    }
	  else
	    cur = -1;
	}
      g->block_of[i] = cur;
      if (cur >= 0)
	{
	  g->end[cur] = i + 1;
	  if (!(info->flags & BPFI_INSN_IMM64_HI))
	    g->last[cur] = i;
	}
    }
  for (size_t k = 0; k < nb; k++)
    {
      size_t succ[2];
      int ns = bpfi_insn_succs (f, g->last[k], succ);
      g->nsucc[k] = ns < 0 ? 0 : ns;
      for (int j = 0; j < g->nsucc[k]; j++)
	{
	  g->succ[2 * k + j] = g->block_of[succ[j]];
	  g->pred_off[g->succ[2 * k + j] + 1]++;
	}
    }
  for (size_t k = 0; k < nb; k++)
    g->pred_off[k + 1] += g->pred_off[k];
  int *fill = g->rpo_num;	/* scratch until the numbering below */
  for (size_t k = 0; k < nb; k++)
    fill[k] = g->pred_off[k];
  for (size_t k = 0; k < nb; k++)
    for (int j = 0; j < g->nsucc[k]; j++)
      g->pred[fill[g->succ[2 * k + j]]++] = (int) k;

  /* Reverse postorder, by an explicit depth-first search: STACK holds
     (block, next successor to visit) pairs.  */
  for (size_t k = 0; k < nb; k++)
    g->rpo_num[k] = -1;
  size_t sp = 0, post = nb;
  stack[sp++] = 0;
  stack[sp++] = 0;
  g->rpo_num[0] = 0;		/* visited */
  while (sp > 0)
    {
      int blk = stack[sp - 2], j = stack[sp - 1];
      if (j < g->nsucc[blk])
	{
	  stack[sp - 1]++;
	  int s = g->succ[2 * blk + j];
	  if (g->rpo_num[s] < 0)
	    {
	      g->rpo_num[s] = 0;
	      stack[sp++] = s;
	      stack[sp++] = 0;
	    }
	  continue;
	}
      g->rpo[--post] = blk;
      sp -= 2;
    }
  /* Every block is reachable from block 0, so POST is back to 0.  */
  for (size_t k = 0; k < nb; k++)
    g->rpo_num[g->rpo[k]] = (int) k;
  free (stack);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* Pass 2: the dataflow analysis.  */

typedef struct bpfv_val val;
typedef struct bpfv_state state;

#define M32 ((uint64_t) 0xffffffff)

val
bpfv_range (uint64_t lo, uint64_t hi)
{
  val v;
  memset (&v, 0, sizeof v);
  v.kind = BPFV_SCALAR;
  v.lo = lo;
  v.hi = hi;
  v.lo32 = 0;
  v.hi32 = (uint32_t) M32;
  if ((lo >> 32) == (hi >> 32))
    {
      v.lo32 = (uint32_t) lo;
      v.hi32 = (uint32_t) hi;
    }
  return v;
}

static val
v_range (uint64_t lo, uint64_t hi)
{
  return bpfv_range (lo, hi);
}

static val
v_unknown (void)
{
  return v_range (0, UMAX);
}

/* Offset ranges [LO, HI] (int64_t): the sum or difference of two, or
   any offset when it overflows.  */
static void
off_add (int64_t alo, int64_t ahi, int64_t blo, int64_t bhi, bool sub,
	 int64_t *lo, int64_t *hi)
{
  int64_t l, h;
  if (sub ? (__builtin_sub_overflow (alo, bhi, &l)
	     || __builtin_sub_overflow (ahi, blo, &h))
      : (__builtin_add_overflow (alo, blo, &l)
	 || __builtin_add_overflow (ahi, bhi, &h)))
    {
      l = BPFV_OFF_MIN;
      h = BPFV_OFF_MAX;
    }
  *lo = l;
  *hi = h;
}

/* A value of kind KIND (BPFV_*) and base BASE (bpfv_val.base) in [LO,
   HI].  */
static val
v_make (int kind, int32_t base, uint64_t lo, uint64_t hi)
{
  val v = v_range (lo, hi);
  v.kind = kind;
  v.base = base;
  return v;
}

static val
v_stack_range (int64_t lo, int64_t hi)
{
  return v_make (BPFV_STACK, 0, (uint64_t) lo, (uint64_t) hi);
}

static val
v_stack (int64_t off)
{
  return v_stack_range (off, off);
}

val
bpfv_conflict (void)
{
  return v_make (BPFV_CONFLICT, 0, 0, 0);
}

/* The address of data section (BASE > 0) or extern (BASE < 0) plus
   OFF.  */
static val
v_address (int32_t base, int64_t off)
{
  return v_make (BPFV_SCALAR, base, (uint64_t) off, (uint64_t) off);
}

/* Map I (bpfi_object.maps).  */
static val
v_map (int64_t i)
{
  return v_make (BPFV_MAP, 0, (uint64_t) i, (uint64_t) i);
}

static bool
is_number (const val *v)
{
  return v->kind == BPFV_SCALAR && v->base == 0;
}

static bool
is_const (const val *v, uint64_t *c)
{
  if (!is_number (v) || v->lo != v->hi)
    return false;
  *c = v->lo;
  return true;
}

static bool
is_pointer (const val *v)
{
  return v->kind == BPFV_STACK || v->kind == BPFV_CONFLICT;
}

/* The number V as an offset range: any offset when its range spans the
   change of sign.  */
static void
num_offsets (const val *v, int64_t *lo, int64_t *hi)
{
  *lo = BPFV_OFF_MIN;
  *hi = BPFV_OFF_MAX;
  if (is_number (v) && (v->lo >> 63) == (v->hi >> 63))
    {
      *lo = (int64_t) v->lo;
      *hi = (int64_t) v->hi;
    }
}

/* Is V exactly one argument's value plus an offset?  Its register.  */
static int
arg_of (const val *v)
{
  if (!is_number (v) || v->pmask == 0 || (v->pmask & (v->pmask - 1)) != 0
      || (v->pmask & BPFV_PMASK_OTHER))
    return 0;
  return __builtin_ctz (v->pmask);
}

/* Is V a number that comes from no argument?  */
static bool
plain_number (const val *v)
{
  return is_number (v) && v->pmask == 0;
}

/* The instruction that makes values of id ID runs again: the old value
   is no longer known by that id.  */
static void
forget_id (state *s, uint32_t id)
{
  for (int l = 0; l < NLOCS; l++)
    {
      if (s->v[l].id == id)
	s->v[l].id = 0;
      if (s->v[l].rid == id)
	s->v[l].rid = 0;
      if (s->v[l].xid == id)
	s->v[l].xkind = BPFV_X_NONE, s->v[l].xid = 0;
    }
}

static void
set_loc (state *s, int l, val v)
{
  if (l < NREGS)
    {
      s->init |= (uint16_t) (1u << l);
      s->written |= (uint16_t) (1u << l);
    }
  s->v[l] = v;
}

/* Location L gets a new value V computed by instruction I.  */
static void
def_loc (state *s, size_t i, int l, val v)
{
  uint32_t id = (uint32_t) i + 1;
  forget_id (s, id);
  v.id = v.kind == BPFV_SCALAR ? id : 0;
  if (v.rid == id || v.kind != BPFV_SCALAR)
    v.rid = 0;
  if (v.xid == id || v.kind != BPFV_SCALAR)
    v.xkind = BPFV_X_NONE, v.xid = 0;
  set_loc (s, l, v);
}

/* V, the result of adding K to the value A (mod 2^64), knows it, in
   terms of the value A itself is known from, if any (so that a chain of
   additions stays related to its start).  */
static void
relate (val *v, const val *a, uint64_t k)
{
  v->rid = 0;
  if (a->kind != BPFV_SCALAR)
    return;
  if (a->rid != 0)
    {
      v->rid = a->rid;
      v->roff = a->roff + k;
    }
  else if (a->id != 0)
    {
      v->rid = a->id;
      v->roff = k;
    }
}

/* Location L becomes a copy of location FROM, by instruction I.  The
   value, and the locations that hold it, take the id I + 1: so a copy in
   a loop gives the same id in every iteration, the first included.
   (Values related to the value keep naming it by the id of the
   instruction that made it: that still holds.)  */
static void
copy_loc (state *s, size_t i, int l, int from)
{
  if (l == from)
    return;
  uint32_t id = (uint32_t) i + 1, old = s->v[from].id;
  if (s->v[from].kind == BPFV_SCALAR && old != id)
    {
      forget_id (s, id);
      if (old == 0)
	s->v[from].id = id;
      else
	for (int k = 0; k < NLOCS; k++)
	  if (s->v[k].id == old)
	    s->v[k].id = id;
    }
  set_loc (s, l, s->v[from]);
}

uint64_t
bpfv_mask (int w)
{
  return w >= 64 ? UMAX : ((uint64_t) 1 << w) - 1;
}

/* The range of the low W bits of V's number (the whole range when the
   low bits wrap).  */
void
bpfv_low_range (const val *v, int w, uint64_t *lo, uint64_t *hi)
{
  uint64_t m = bpfv_mask (w);
  *lo = 0;
  *hi = m;
  if (!is_number (v))
    return;
  if (w >= 64)
    {
      *lo = v->lo;
      *hi = v->hi;
      return;
    }
  /* From the 64-bit range, and from the low half's.  */
  if ((v->lo & ~m) == (v->hi & ~m))
    {
      *lo = v->lo & m;
      *hi = v->hi & m;
    }
  if (((uint64_t) v->lo32 & ~m) == ((uint64_t) v->hi32 & ~m))
    {
      uint64_t l = v->lo32 & m, h = v->hi32 & m;
      if (l > *lo && l <= *hi)
	*lo = l;
      if (h < *hi && h >= *lo)
	*hi = h;
    }
}

/* All ones from the highest set bit of X down.  */
static uint64_t
smear (uint64_t x)
{
  x |= x >> 1;
  x |= x >> 2;
  x |= x >> 4;
  x |= x >> 8;
  x |= x >> 16;
  x |= x >> 32;
  return x;
}

static uint64_t
sext_from (uint64_t x, int bits)
{
  if (bits >= 64)
    return x;
  uint64_t sign = (uint64_t) 1 << (bits - 1);
  x &= bpfv_mask (bits);
  return (x ^ sign) - sign;
}

static uint64_t
bswap_n (uint64_t x, int bits)
{
  uint64_t r = 0;
  for (int k = 0; k < bits / 8; k++)
    r = (r << 8) | ((x >> (8 * k)) & 0xff);
  return r;
}

/* The result of ALU operation OP (BPF_OP of the opcode) of width W on
   the constants A and B, by BPF's rules.  */
static uint64_t
alu_const (int op, int w, uint64_t a, uint64_t b)
{
  uint64_t m = bpfv_mask (w);
  a &= m;
  b &= m;
  switch (op)
    {
    case BPF_ADD: return (a + b) & m;
    case BPF_SUB: return (a - b) & m;
    case BPF_MUL: return (a * b) & m;
    case BPF_DIV: return b ? a / b : 0;
    case BPF_MOD: return b ? a % b : a;
    case BPF_OR: return a | b;
    case BPF_AND: return a & b;
    case BPF_XOR: return a ^ b;
    case BPF_LSH: return (a << (b & (w - 1))) & m;
    case BPF_RSH: return a >> (b & (w - 1));
    case BPF_ARSH:
      return (uint64_t) ((int64_t) sext_from (a, w) >> (b & (w - 1))) & m;
    case BPF_NEG: return (0 - a) & m;
    default: return 0;
    }
}

/* The range of ALU operation OP of width W on the ranges [AL, AH] and
   [BL, BH] (within W bits).  */
static void
alu_range (int op, int w, uint64_t al, uint64_t ah, uint64_t bl,
	   uint64_t bh, uint64_t *lo, uint64_t *hi)
{
  uint64_t m = bpfv_mask (w), r;
  if (al == ah && bl == bh)
    {
      *lo = *hi = alu_const (op, w, al, bl);
      return;
    }
  *lo = 0;
  *hi = m;
  switch (op)
    {
    case BPF_ADD:
      if (!__builtin_add_overflow (ah, bh, &r) && r <= m)
	{
	  *lo = al + bl;
	  *hi = r;
	}
      break;
    case BPF_SUB:
      if (al >= bh)
	{
	  *lo = al - bh;
	  *hi = ah - bl;
	}
      break;
    case BPF_MUL:
      if (!__builtin_mul_overflow (ah, bh, &r) && r <= m)
	{
	  *lo = al * bl;
	  *hi = r;
	}
      break;
    case BPF_DIV:
      /* x / 0 is 0.  */
      if (bl > 0)
	{
	  *lo = al / bh;
	  *hi = ah / bl;
	}
      else
	*hi = ah;
      break;
    case BPF_MOD:
      /* x % 0 is x.  */
      if (bl == bh && ah < bl)
	{
	  *lo = al;
	  *hi = ah;
	}
      else if (bl > 0)
	*hi = ah < bh - 1 ? ah : bh - 1;
      else
	*hi = ah;
      break;
    case BPF_AND:
      *hi = ah < bh ? ah : bh;
      break;
    case BPF_OR:
      *lo = al > bl ? al : bl;
      *hi = smear (ah | bh);
      break;
    case BPF_XOR:
      *hi = smear (ah | bh);
      break;
    case BPF_LSH:
      /* (The caller passes the range of the bits that survive.)  */
      if (bl == bh)
	{
	  int k = (int) (bl & (uint64_t) (w - 1));
	  if (k == 0 || (ah >> (w - k)) == 0)
	    {
	      *lo = al << k;
	      *hi = (ah << k) & m;
	    }
	}
      break;
    case BPF_RSH:
      if (bl == bh)
	{
	  int k = (int) (bl & (uint64_t) (w - 1));
	  *lo = al >> k;
	  *hi = ah >> k;
	}
      else
	*hi = ah;
      break;
    case BPF_ARSH:
      /* A value whose sign bit is clear shifts as unsigned.  */
      if ((ah >> (w - 1)) == 0)
	alu_range (BPF_RSH, w, al, ah, bl, bh, lo, hi);
      break;
    default:
      break;
    }
}

/* The value an ALU instruction computes (not a move of a stack
   pointer).  */
static val
alu_value (const struct bpfi_opcode *op, const struct bpf_insn *insn,
	   const state *s)
{
  int w = op->width;
  int code = BPF_OP (insn->code);
  const val *a = &s->v[insn->dst_reg];
  val b = BPF_SRC (insn->code) == BPF_X && code != BPF_END
	  ? s->v[insn->src_reg]
	  : v_range ((uint64_t) (int64_t) insn->imm,
		     (uint64_t) (int64_t) insn->imm);
  uint64_t al, ah, bl, bh, lo, hi;

  if (code == BPF_END)
    {
      /* TO_LE keeps the low WIDTH bits (the host is little-endian as
	 far as BPF semantics go); TO_BE swaps them.  */
      bpfv_low_range (a, w, &al, &ah);
      if (al == ah)
	return v_range (BPF_SRC (insn->code) == BPF_TO_BE
			? bswap_n (al, w) : al,
			BPF_SRC (insn->code) == BPF_TO_BE
			? bswap_n (al, w) : al);
      if (BPF_SRC (insn->code) == BPF_TO_BE)
	return v_range (0, bpfv_mask (w));
      return v_range (al, ah);
    }
  if (code == BPF_MOV)
    {
      /* Moves of a scalar, sign-extending or 32-bit.  */
      if (BPF_SRC (insn->code) == BPF_K)
	return v_range (b.lo & bpfv_mask (w), b.lo & bpfv_mask (w));
      if (!is_number (&b))
	return v_range (0, bpfv_mask (w));
      if (op->sext)
	{
	  bpfv_low_range (&b, op->sext, &bl, &bh);
	  if (bl == bh)
	    {
	      uint64_t c = sext_from (bl, op->sext) & bpfv_mask (w);
	      return v_range (c, c);
	    }
	  if ((bh >> (op->sext - 1)) == 0)
	    return v_range (bl, bh);
	  return v_range (0, bpfv_mask (w));
	}
      bpfv_low_range (&b, w, &bl, &bh);
      return v_range (bl, bh);
    }

  /* Address arithmetic on instrumenter data keeps its base, the offset
     moving by the number's range.  */
  bool sub = code == BPF_SUB;
  if (w == 64 && (code == BPF_ADD || code == BPF_SUB))
    {
      const val *p = NULL, *n = NULL;
      if (a->kind == BPFV_SCALAR && a->base != 0 && is_number (&b))
	p = a, n = &b;
      else if (!sub && b.kind == BPFV_SCALAR && b.base != 0 && is_number (a))
	p = &b, n = a;
      if (p != NULL)
	{
	  int64_t nlo, nhi, lo, hi;
	  num_offsets (n, &nlo, &nhi);
	  off_add ((int64_t) p->lo, (int64_t) p->hi, nlo, nhi, sub, &lo,
		   &hi);
	  val r = v_address (p->base, 0);
	  r.lo = (uint64_t) lo;
	  r.hi = (uint64_t) hi;
	  return r;
	}
    }
  if (!is_number (a) || !is_number (&b))
    return v_range (0, bpfv_mask (w));
  bpfv_low_range (&b, w, &bl, &bh);
  /* A shift left by a constant keeps the low bits of its operand.  */
  int keep = w;
  if (code == BPF_LSH && bl == bh)
    keep = w - (int) (bl & (uint64_t) (w - 1));
  bpfv_low_range (a, keep, &al, &ah);
  alu_range (code, w, al, ah, bl, bh, &lo, &hi);
  val r = v_range (lo, hi);
  /* An argument's value plus or minus a number: that argument plus an
     offset, should it be a pointer.  */
  if (w == 64 && (code == BPF_ADD || code == BPF_SUB))
    {
      const val *p = NULL, *n = NULL;
      if (arg_of (a) && plain_number (&b))
	p = a, n = &b;
      else if (!sub && arg_of (&b) && plain_number (a))
	p = &b, n = a;
      if (p != NULL)
	{
	  int64_t nlo, nhi;
	  num_offsets (n, &nlo, &nhi);
	  r.pmask = p->pmask;
	  off_add (p->plo, p->phi, nlo, nhi, sub, &r.plo, &r.phi);
	}
    }
  return r;
}

/* The slot of the 8-byte stack word at OFF from R10, or -1.  */
static int
slot_of (int64_t off)
{
  if (off >= 0 || off < -BPFI_STACK_SIZE || off % 8 != 0)
    return -1;
  return NREGS + (int) (-off / 8 - 1);
}

/* The stack bytes [OFF, OFF + SIZE) are written with something untracked:
   forget the slots they overlap.  */
static void
clobber_stack (state *s, int64_t off, int size)
{
  for (int k = 0; k < BPFV_NSLOTS; k++)
    {
      int64_t lo = -8 * (int64_t) (k + 1);
      if (lo < off + size && off < lo + 8)
	s->v[NREGS + k] = v_unknown ();
    }
}

/* The same for SIZE bytes at an offset in [LO, HI].  */
static void
clobber_range (state *s, int64_t lo, int64_t hi, int size)
{
  if (lo < -BPFI_STACK_SIZE)
    lo = -BPFI_STACK_SIZE;
  if (hi > 0)
    hi = 0;
  if (lo <= hi)
    clobber_stack (s, lo, (int) (hi - lo) + size);
}

void
bpfv_transfer (const struct bpfi_object *obj, const struct bpfi_func *f,
	       size_t i, struct bpfv_state *s)
{
  const struct bpf_insn *insn = &f->insns[i];
  const struct bpfi_insn_info *info = &f->info[i];
  const struct bpfi_opcode *op = info->op;
  unsigned dst = insn->dst_reg, src = insn->src_reg;
  if (op == NULL)
    return;

  switch (op->lower)
    {
    case BPFI_LOWER_ALU:
      {
	if (dst >= NREGS || dst == 10)
	  return;
	bool was_init = s->init & (1u << dst);
	if (op->operands & BPFI_OPND_PTR_COPY)
	  {
	    if (src >= NREGS)
	      return;
	    bool src_init = s->init & (1u << src);
	    copy_loc (s, i, (int) dst, (int) src);
	    if (!src_init)
	      s->init &= (uint16_t) ~(1u << dst);
	    return;
	  }
	val *d = &s->v[dst];
	if (op->operands & (BPFI_OPND_PTR_ADD | BPFI_OPND_PTR_SUB))
	  {
	    /* A stack pointer moved by a number (either side of an
	       addition).  */
	    bool sub = op->operands & BPFI_OPND_PTR_SUB;
	    val b = !(op->operands & BPFI_OPND_SRC_R)
		    ? v_range ((uint64_t) (int64_t) insn->imm,
			       (uint64_t) (int64_t) insn->imm)
		    : src < NREGS ? s->v[src] : v_unknown ();
	    const val *p = NULL, *n = NULL;
	    if (d->kind == BPFV_STACK && is_number (&b))
	      p = d, n = &b;
	    else if (!sub && b.kind == BPFV_STACK && is_number (d))
	      p = &b, n = d;
	    if (p != NULL)
	      {
		int64_t nlo, nhi, lo, hi;
		num_offsets (n, &nlo, &nhi);
		off_add ((int64_t) p->lo, (int64_t) p->hi, nlo, nhi, sub, &lo,
			 &hi);
		set_loc (s, (int) dst, v_stack_range (lo, hi));
		return;
	      }
	    if (is_pointer (d) || is_pointer (&b))
	      {
		set_loc (s, (int) dst, bpfv_conflict ());
		return;
	      }
	  }
	if ((op->operands & BPFI_OPND_SRC_R) && src < NREGS
	    && BPF_OP (insn->code) == BPF_MOV && op->sext == 0
	    && is_number (&s->v[src]) && s->v[src].hi <= bpfv_mask (op->width))
	  {
	    /* A 32-bit move of a value that fits: the same value (but no
	       pointer, should it come from an argument).  */
	    copy_loc (s, i, (int) dst, (int) src);
	    if (op->width < 64)
	      s->v[dst].pmask = 0;
	    return;
	  }
	if ((op->operands & BPFI_OPND_SRC_R) && src >= NREGS)
	  return;
	/* An extension of a value another location already holds extended
	   the same way is that location's value.  */
	int code = BPF_OP (insn->code);
	uint8_t xk = BPFV_X_NONE;
	uint32_t xid = 0;
	const val *sv = (op->operands & BPFI_OPND_SRC_R) ? &s->v[src] : NULL;
	if (op->width == 64 && BPF_SRC (insn->code) == BPF_K && insn->imm == 32
	    && d->kind == BPFV_SCALAR)
	  {
	    if (code == BPF_LSH && d->id != 0)
	      xk = BPFV_X_SHL32, xid = d->id;
	    else if ((code == BPF_RSH || code == BPF_ARSH)
		     && d->xkind == BPFV_X_SHL32)
	      xk = code == BPF_RSH ? BPFV_X_ZEXT32 : BPFV_X_SEXT32,
	      xid = d->xid;
	  }
	else if (code == BPF_MOV && sv && sv->kind == BPFV_SCALAR
		 && sv->id != 0 && ((op->width == 32 && op->sext == 0)
				    || (op->width == 64 && op->sext == 32)))
	  xk = op->sext ? BPFV_X_SEXT32 : BPFV_X_ZEXT32, xid = sv->id;
	if (xk == BPFV_X_ZEXT32 || xk == BPFV_X_SEXT32)
	  for (int l = 0; l < NLOCS; l++)
	    if (s->v[l].kind == BPFV_SCALAR && s->v[l].xkind == xk
		&& s->v[l].xid == xid)
	      {
		copy_loc (s, i, (int) dst, l);
		return;
	      }
	val v = alu_value (op, insn, s);
	v.xkind = xk;
	v.xid = xid;
	/* A 64-bit addition of a constant: related to its operand.  */
	uint64_t k = (uint64_t) (int64_t) insn->imm;
	if (op->width == 64 && (code == BPF_ADD || code == BPF_SUB)
	    && (!(op->operands & BPFI_OPND_SRC_R) || is_const (sv, &k)))
	  relate (&v, d, code == BPF_ADD ? k : 0 - k);
	def_loc (s, i, (int) dst, v);
	if ((op->operands & BPFI_OPND_DST_R) && !was_init)
	  s->init &= (uint16_t) ~(1u << dst);
	return;
      }

    case BPFI_LOWER_LOAD:
      {
	if (dst >= NREGS || dst == 10 || src >= NREGS)
	  return;
	const val *base = &s->v[src];
	if (base->kind == BPFV_STACK && base->lo == base->hi && op->sext == 0)
	  {
	    /* The low bytes of a slot (BPF is little-endian).  */
	    int l = slot_of ((int64_t) base->lo + insn->off);
	    if (l >= 0 && (op->width == 64 || (is_number (&s->v[l])
					       && s->v[l].hi
						  <= bpfv_mask (op->width))))
	      {
		copy_loc (s, i, (int) dst, l);
		return;
	      }
	    if (l >= 0 && is_number (&s->v[l]))
	      {
		uint64_t lo, hi;
		bpfv_low_range (&s->v[l], op->width, &lo, &hi);
		def_loc (s, i, (int) dst, v_range (lo, hi));
		return;
	      }
	  }
	def_loc (s, i, (int) dst, op->sext ? v_unknown ()
			       : v_range (0, bpfv_mask (op->width)));
	return;
      }

    case BPFI_LOWER_STORE:
    case BPFI_LOWER_ATOMIC:
      {
	if (dst >= NREGS)
	  return;
	const val *base = &s->v[dst];
	if (base->kind == BPFV_STACK && base->lo == base->hi)
	  {
	    int64_t off = (int64_t) base->lo + insn->off;
	    int l = slot_of (off);
	    if (op->lower == BPFI_LOWER_STORE && op->width == 64 && l >= 0)
	      {
		if (!(op->operands & BPFI_OPND_SRC_R))
		  def_loc (s, i, l, v_range ((uint64_t) (int64_t) insn->imm,
					     (uint64_t) (int64_t) insn->imm));
		else if (src < NREGS && !is_pointer (&s->v[src]))
		  copy_loc (s, i, l, (int) src);
		else if (src < NREGS && s->v[src].kind == BPFV_STACK)
		  set_loc (s, l, s->v[src]);	/* a spilled stack pointer */
		else
		  s->v[l] = v_unknown ();
	      }
	    else
	      clobber_stack (s, off, op->width / 8);
	  }
	else if (base->kind == BPFV_STACK)
	  {
	    /* Somewhere in a range.  */
	    int64_t lo, hi;
	    off_add ((int64_t) base->lo, (int64_t) base->hi, insn->off,
		     insn->off, false, &lo, &hi);
	    clobber_range (s, lo, hi, op->width / 8);
	  }
	else if (base->kind == BPFV_CONFLICT)
	  clobber_stack (s, -BPFI_STACK_SIZE, BPFI_STACK_SIZE);
	if ((op->operands & BPFI_OPND_R0_W))
	  def_loc (s, i, 0, v_range (0, bpfv_mask (op->width)));
	if ((op->operands & BPFI_OPND_SRC_W) && src < NREGS && src != 10)
	  def_loc (s, i, (int) src, v_range (0, bpfv_mask (op->width)));
	return;
      }

    case BPFI_LOWER_LD_IMM64:
      {
	if (dst >= NREGS || dst == 10)
	  return;
	val v;
	if (info->kind == BPFI_RELOC_DATA)
	  v = v_address (1 + info->index, info->addend);
	else if (info->kind == BPFI_RELOC_EXTERN)
	  v = v_address (-1 - info->index, info->addend);
	else if (info->kind == BPFI_RELOC_MAP)
	  v = v_map (info->index);
	else if (info->kind == BPFI_RELOC_NONE)
	  {
	    uint64_t c = (uint64_t) (uint32_t) insn[0].imm
			 | ((uint64_t) (uint32_t) insn[1].imm << 32);
	    v = v_range (c, c);
	  }
	else
	  v = v_unknown ();
	def_loc (s, i, (int) dst, v);
	return;
      }

    case BPFI_LOWER_CALL:
      if (info->kind == BPFI_RELOC_CALL && obj != NULL)
	{
	  /* What the callee writes through the stack pointers it gets.  */
	  const struct bpfi_func *callee = &obj->funcs[info->index];
	  for (int r = 1; r <= 5; r++)
	    if (s->v[r].kind == BPFV_STACK
		&& (callee->args_mem_write & (1u << r)))
	      {
		int64_t lo, hi;
		off_add ((int64_t) s->v[r].lo, (int64_t) s->v[r].hi,
			 callee->args_mem_lo[r], callee->args_mem_hi[r] - 1,
			 false, &lo, &hi);
		clobber_range (s, lo, hi, 1);
	      }
	}
      for (int r = 1; r <= 5; r++)
	{
	  s->init &= (uint16_t) ~(1u << r);
	  s->written |= (uint16_t) (1u << r);
	  s->v[r] = v_unknown ();
	}
      def_loc (s, i, 0, info->kind == BPFI_RELOC_HELPER
		       ? v_range (0, bpfi_helper_max ((enum bpfi_helper)
						       info->index))
		       : obj != NULL && obj->funcs[info->index].ret_stack
		       ? bpfv_conflict () : v_unknown ());
      return;

    default:
      return;
    }
}

/* What a comparison says of a number in a range.  */
enum narrowing
{
  N_NOTHING,		/* nothing usable */
  N_NARROWED,		/* the range is narrower */
  N_EMPTY		/* no number of the range passes */
};

/* What an unsigned comparison CODE (BPF_OP) tells about a number in [*LO,
   *HI], at most M, compared with the constant C, on the edge where the
   comparison is TRUTH.  */
static enum narrowing
narrow (int code, bool truth, uint64_t c, uint64_t m, uint64_t *lo,
	uint64_t *hi)
{
  uint64_t l = *lo, h = *hi;
  if (!truth)
    switch (code)
      {
      case BPF_JEQ: code = BPF_JNE; break;
      case BPF_JNE: code = BPF_JEQ; break;
      case BPF_JGT: code = BPF_JLE; break;
      case BPF_JGE: code = BPF_JLT; break;
      case BPF_JLT: code = BPF_JGE; break;
      case BPF_JLE: code = BPF_JGT; break;
      default: return N_NOTHING;
      }
  switch (code)
    {
    case BPF_JEQ:
      if (c < l || c > h)
	return N_EMPTY;
      l = h = c;
      break;
    case BPF_JNE:
      if (l == h && c == l)
	return N_EMPTY;
      if (c == l)
	l++;
      else if (c == h)
	h--;
      else
	return N_NOTHING;
      break;
    case BPF_JGT:
      if (c == m)
	return N_EMPTY;
      if (c + 1 > l)
	l = c + 1;
      break;
    case BPF_JGE:
      if (c > l)
	l = c;
      break;
    case BPF_JLT:
      if (c == 0)
	return N_EMPTY;
      if (c - 1 < h)
	h = c - 1;
      break;
    case BPF_JLE:
      if (c < h)
	h = c;
      break;
    default:
      return N_NOTHING;
    }
  if (l > h)
    return N_EMPTY;
  *lo = l;
  *hi = h;
  return N_NARROWED;
}

/* Move the range [*L, *H] to the other half of the numbers of a width
   whose half is HALF (between numbers and keys, below); false when it
   spans the two halves.  */
static bool
flip_half (uint64_t half, uint64_t *l, uint64_t *h)
{
  if (*h < half)
    *l += half, *h += half;
  else if (*l >= half)
    *l -= half, *h -= half;
  else
    return false;
  return true;
}

/* The same for any comparison CODE of width W: a signed one works on
   keys, the numbers plus 2^(W-1), whose unsigned order is the signed
   order of the numbers.  */
static enum narrowing
narrow_any (int code, bool truth, uint64_t c, int w, uint64_t *lo,
	    uint64_t *hi)
{
  uint64_t m = bpfv_mask (w), half = (uint64_t) 1 << (w - 1);
  bool sg = true;
  switch (code)
    {
    case BPF_JSGT: code = BPF_JGT; break;
    case BPF_JSGE: code = BPF_JGE; break;
    case BPF_JSLT: code = BPF_JLT; break;
    case BPF_JSLE: code = BPF_JLE; break;
    default: sg = false; break;
    }
  uint64_t l = *lo, h = *hi;
  /* A range across the sign's change is taken as all numbers.  */
  if (sg && !flip_half (half, &l, &h))
    l = 0, h = m;
  if (sg)
    c = (c + half) & m;
  enum narrowing r = narrow (code, truth, c, m, &l, &h);
  if (r != N_NARROWED)
    return r;
  if (sg && !flip_half (half, &l, &h))
    return N_NOTHING;
  *lo = l;
  *hi = h;
  return N_NARROWED;
}

/* V's value (W = 64), or its low half (W = 32), lies in [LO, HI]; each
   range then tells about the other.  */
static void
narrow_val (val *v, int w, uint64_t lo, uint64_t hi)
{
  if (!is_number (v))
    return;
  uint64_t l64 = v->lo, h64 = v->hi, l32 = v->lo32, h32 = v->hi32;
  if (w == 64)
    {
      l64 = l64 > lo ? l64 : lo;
      h64 = h64 < hi ? h64 : hi;
    }
  else
    {
      l32 = l32 > lo ? l32 : lo;
      h32 = h32 < hi ? h32 : hi;
    }
  if (l64 > h64 || l32 > h32)
    return;
  if ((l64 >> 32) == (h64 >> 32))
    {
      l32 = l32 > (l64 & M32) ? l32 : (l64 & M32);
      h32 = h32 < (h64 & M32) ? h32 : (h64 & M32);
    }
  if (h64 <= M32)
    {
      l64 = l64 > l32 ? l64 : l32;
      h64 = h64 < h32 ? h64 : h32;
    }
  if (l64 > h64 || l32 > h32)
    return;
  v->lo = l64;
  v->hi = h64;
  v->lo32 = (uint32_t) l32;
  v->hi32 = (uint32_t) h32;
}

/* The low half of the value of id X lies in [LO, HI]: narrow the
   locations holding it, and those holding its extensions.  */
static void
learn_low32 (state *s, uint32_t x, uint64_t lo, uint64_t hi)
{
  for (int l = 0; l < NLOCS; l++)
    {
      val *u = &s->v[l];
      if (!is_number (u))
	continue;
      if (u->id == x)
	narrow_val (u, 32, lo, hi);
      else if (u->xid == x && u->xkind == BPFV_X_ZEXT32)
	narrow_val (u, 64, lo, hi);
      else if (u->xid == x && u->xkind == BPFV_X_SEXT32)
	{
	  narrow_val (u, 32, lo, hi);
	  if (hi < ((uint64_t) 1 << 31))
	    narrow_val (u, 64, lo, hi);
	  else if (lo >= ((uint64_t) 1 << 31))
	    narrow_val (u, 64, lo | ~M32, hi | ~M32);
	}
    }
}

/* What a comparison says of the value in REG (W = 64), or of its low
   half (W = 32): in [LO, HI].  Every location holding the value learns
   it, and the value it extends, and its other extensions.  */
static void
learn (state *s, int reg, int w, uint64_t lo, uint64_t hi)
{
  uint32_t id = s->v[reg].id;
  for (int l = 0; l < NLOCS; l++)
    if (l == reg || (id != 0 && s->v[l].id == id))
      narrow_val (&s->v[l], w, lo, hi);
  const val *v = &s->v[reg];
  if (id != 0)
    learn_low32 (s, id, v->lo32, v->hi32);
  if (v->xid != 0
      && (v->xkind == BPFV_X_ZEXT32 || v->xkind == BPFV_X_SEXT32))
    learn_low32 (s, v->xid, v->lo32, v->hi32);
}

int
bpfv_mirror_jump (int code)
{
  switch (code)
    {
    case BPF_JGT: return BPF_JLT;
    case BPF_JGE: return BPF_JLE;
    case BPF_JLT: return BPF_JGT;
    case BPF_JLE: return BPF_JGE;
    case BPF_JSGT: return BPF_JSLT;
    case BPF_JSGE: return BPF_JSLE;
    case BPF_JSLT: return BPF_JSGT;
    case BPF_JSLE: return BPF_JSGE;
    default: return code;
    }
}

/* The outcome of comparison CODE (BPF_OP) of width W between the
   constants A and B.  */
static bool
compare_const (int code, int w, uint64_t a, uint64_t b)
{
  uint64_t m = bpfv_mask (w);
  a &= m;
  b &= m;
  int64_t sa = (int64_t) sext_from (a, w), sb = (int64_t) sext_from (b, w);
  switch (code)
    {
    case BPF_JEQ: return a == b;
    case BPF_JNE: return a != b;
    case BPF_JGT: return a > b;
    case BPF_JGE: return a >= b;
    case BPF_JLT: return a < b;
    case BPF_JLE: return a <= b;
    case BPF_JSGT: return sa > sb;
    case BPF_JSGE: return sa >= sb;
    case BPF_JSLT: return sa < sb;
    case BPF_JSLE: return sa <= sb;
    default: return (a & b) != 0;	/* BPF_JSET */
    }
}

bool
bpfv_edge (const struct bpfi_func *f, size_t last, int k,
	   struct bpfv_state *s)
{
  const struct bpf_insn *insn = &f->insns[last];
  const struct bpfi_opcode *op = f->info[last].op;
  if (op == NULL || op->succ != BPFI_SUCC_COND)
    return true;
  int code = BPF_OP (insn->code);
  bool truth = k == 0;
  int w = op->width;
  if (BPF_SRC (insn->code) == BPF_X && insn->src_reg == insn->dst_reg)
    {
      /* A register compared with itself.  */
      if (code == BPF_JSET)
	return true;
      bool holds = code == BPF_JEQ || code == BPF_JGE || code == BPF_JLE
		   || code == BPF_JSGE || code == BPF_JSLE;
      return holds == truth;
    }
  /* The compared quantity of a number: the value, or its low half.  */
#define QLO(v) (w == 64 ? (v)->lo : (v)->lo32)
#define QHI(v) (w == 64 ? (v)->hi : (v)->hi32)
  int reg;
  uint64_t c;
  const val *x = &s->v[insn->src_reg], *y = &s->v[insn->dst_reg];
  if (BPF_SRC (insn->code) == BPF_K)
    {
      reg = insn->dst_reg;
      c = w == 64 ? (uint64_t) (int64_t) insn->imm : (uint32_t) insn->imm;
    }
  else if (is_number (x) && QLO (x) == QHI (x))
    {
      reg = insn->dst_reg;
      c = QLO (x);
    }
  else if (is_number (y) && QLO (y) == QHI (y))
    {
      reg = insn->src_reg;
      c = QLO (y);
      code = bpfv_mirror_jump (code);
    }
  else
    return true;
  const val *v = &s->v[reg];
  if (!is_number (v))
    return true;
  uint64_t lo = QLO (v), hi = QHI (v);
#undef QLO
#undef QHI
  if (lo == hi)
    return compare_const (code, w, lo, c) == truth;
  switch (narrow_any (code, truth, c, w, &lo, &hi))
    {
    case N_NOTHING:
      return true;
    case N_EMPTY:
      return false;
    default:
      learn (s, reg, w, lo, hi);
      return true;
    }
}

static bool
val_eq (const val *a, const val *b)
{
  return a->kind == b->kind && a->base == b->base && a->id == b->id
	 && a->rid == b->rid && a->roff == b->roff && a->xkind == b->xkind
	 && a->xid == b->xid && a->lo == b->lo && a->hi == b->hi
	 && a->lo32 == b->lo32 && a->hi32 == b->hi32
	 && a->pmask == b->pmask && a->plo == b->plo && a->phi == b->phi;
}

/* The union of the offset ranges [*LO, *HI] and [BLO, BHI]; at a loop
   head (WIDEN), a side that grows grows to the end.  */
static void
off_union (int64_t *lo, int64_t *hi, int64_t blo, int64_t bhi, bool widen)
{
  if (blo < *lo)
    *lo = widen ? BPFV_OFF_MIN : blo;
  if (bhi > *hi)
    *hi = widen ? BPFV_OFF_MAX : bhi;
}

static bool
state_eq (const state *a, const state *b)
{
  if (a->visited != b->visited || a->init != b->init
      || a->written != b->written)
    return false;
  for (int l = 0; l < NLOCS; l++)
    if (!val_eq (&a->v[l], &b->v[l]))
      return false;
  return true;
}

/* Merge IN into *DST; return true if *DST changed.  At a loop head
   (WIDEN), a range that grows grows to the end of its side, so that the
   analysis ends.  */
static bool
merge_state (state *dst, const state *in, bool widen)
{
  if (!dst->visited)
    {
      *dst = *in;
      dst->visited = true;
      return true;
    }
  bool changed = false;
  uint16_t init = dst->init & in->init;
  uint16_t written = dst->written & in->written;
  if (init != dst->init || written != dst->written)
    changed = true;
  dst->init = init;
  dst->written = written;
  for (int l = 0; l < NLOCS; l++)
    {
      val *a = &dst->v[l];
      const val *b = &in->v[l];
      val m = *a;
      if (l < NREGS && !(init & (1u << l)))
	m = v_unknown ();
      else if (is_pointer (a) || is_pointer (b))
	{
	  if (a->kind != b->kind)
	    m = bpfv_conflict ();
	  else if (a->kind == BPFV_STACK)
	    {
	      int64_t lo = (int64_t) a->lo, hi = (int64_t) a->hi;
	      off_union (&lo, &hi, (int64_t) b->lo, (int64_t) b->hi, widen);
	      m = v_stack_range (lo, hi);
	    }
	}
      else if (a->kind == BPFV_MAP || b->kind == BPFV_MAP)
	{
	  if (a->kind != b->kind || a->lo != b->lo)
	    m = v_unknown ();
	}
      else if (a->base != b->base)
	m = v_unknown ();
      else if (a->base != 0)
	{
	  int64_t lo = (int64_t) a->lo, hi = (int64_t) a->hi;
	  off_union (&lo, &hi, (int64_t) b->lo, (int64_t) b->hi, widen);
	  m = v_address (a->base, 0);
	  m.lo = (uint64_t) lo;
	  m.hi = (uint64_t) hi;
	}
      else
	{
	  if (a->pmask != b->pmask)
	    m.pmask = a->pmask | b->pmask | BPFV_PMASK_OTHER;
	  else if (arg_of (a))
	    off_union (&m.plo, &m.phi, b->plo, b->phi, widen);
	  if (a->id != b->id)
	    m.id = 0;
	  if (a->rid != b->rid || a->roff != b->roff)
	    m.rid = 0;
	  if (a->xkind != b->xkind || a->xid != b->xid)
	    m.xkind = BPFV_X_NONE, m.xid = 0;
	  if (b->lo < a->lo)
	    m.lo = widen ? 0 : b->lo;
	  if (b->hi > a->hi)
	    m.hi = widen ? UMAX : b->hi;
	  if (b->lo32 < a->lo32)
	    m.lo32 = widen ? 0 : b->lo32;
	  if (b->hi32 > a->hi32)
	    m.hi32 = widen ? (uint32_t) M32 : b->hi32;
	}
      if (!val_eq (&m, a))
	{
	  *a = m;
	  changed = true;
	}
    }
  return changed;
}

struct checker
{
  const struct bpfi_object *obj;
  struct bpfi_func *f;
  struct bpfi_error *err;
  size_t i;
  const state *s;
  /* While the states may still be too wide at loop heads: an access
     whose range lies outside its frame or section is recorded in
     *DEFERRED (the first one) rather than refused.  */
  bool lenient;
  struct bpfi_error *deferred;
  bool have_deferred;
  /* Some access of data is at an offset in a range.  */
  bool ranged;
};

/* An access whose offset range lies outside what it may reach: refused,
   or put off (see checker.lenient).  */
static int
range_fail (struct checker *c, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static int
range_fail (struct checker *c, const char *fmt, ...)
{
  char msg[sizeof c->err->msg];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  if (!c->lenient)
    return fail (c->err, c->f, (long) c->i, "%s", msg);
  if (!c->have_deferred)
    {
      bpfi_error_set (c->deferred, c->f->name, (long) c->i, "%s", msg);
      c->have_deferred = true;
    }
  return 0;
}

/* The arguments value V may come from are used as numbers: no caller
   may pass a stack pointer in them.  */
static void
mark_num (struct checker *c, const val *v)
{
  if (is_number (v))
    c->f->args_num |= (uint8_t) (v->pmask & ARG_REGS);
}

static int
use_reg (struct checker *c, unsigned reg, bool may_be_stack)
{
  const state *s = c->s;
  if (!(s->init & (1u << reg)))
    return fail (c->err, c->f, (long) c->i,
		 "read of uninitialized register r%u", reg);
  if (reg >= 1 && reg <= 5 && !(s->written & (1u << reg)))
    c->f->args_read |= (uint8_t) (1u << reg);
  if (may_be_stack)
    return 0;
  if (is_pointer (&s->v[reg]))
    return fail (c->err, c->f, (long) c->i, "stack pointer escapes "
		 "(r%u %s)", reg, s->v[reg].kind == BPFV_STACK
		 ? "holds a stack address"
		 : "may hold a stack address");
  mark_num (c, &s->v[reg]);
  return 0;
}

static int
check_write (struct checker *c, unsigned reg)
{
  if (reg == 10)
    return fail (c->err, c->f, (long) c->i, "write to r10 (the frame "
		 "pointer is read-only)");
  return 0;
}

static void
deepen (struct bpfi_func *f, int64_t lo)
{
  if (lo < 0 && lo >= -BPFI_STACK_SIZE && (uint64_t) -lo > f->stack_depth)
    f->stack_depth = (uint32_t) -lo;
}

/* Record that F accesses the bytes [LO, HI) from the value of argument
   register R (WRITE: writes some); VAR: at offsets that vary.  */
static void
note_arg_mem (struct bpfi_func *f, int r, int64_t lo, int64_t hi,
	      bool write, bool var)
{
  uint8_t bit = (uint8_t) (1u << r);
  if (!(f->args_mem & bit))
    {
      f->args_mem_lo[r] = lo;
      f->args_mem_hi[r] = hi;
    }
  else
    {
      if (lo < f->args_mem_lo[r])
	f->args_mem_lo[r] = lo;
      if (hi > f->args_mem_hi[r])
	f->args_mem_hi[r] = hi;
    }
  f->args_mem |= bit;
  if (write)
    f->args_mem_write |= bit;
  if (var)
    f->args_mem_var |= bit;
}

/* Check a memory access through BASE + OFF of SIZE bytes (WRITE: a
   store).  */
static int
check_mem (struct checker *c, unsigned base, int off, int size, bool write)
{
  int ret = use_reg (c, base, true);
  if (ret)
    return ret;
  const val *r = &c->s->v[base];
  struct bpfi_insn_info *info = &c->f->info[c->i];
  if (r->kind == BPFV_MAP)
    return fail (c->err, c->f, (long) c->i, "memory access through map "
		 "'%s' (r%u): a map is only for the bpf_map_* helpers",
		 c->obj->maps[r->lo].name, base);
  if (r->kind == BPFV_CONFLICT)
    return fail (c->err, c->f, (long) c->i, "stack pointer escapes "
		 "(r%u may or may not point into the stack frame)", base);
  int64_t lo, hi;
  if (r->kind == BPFV_STACK)
    {
      off_add ((int64_t) r->lo, (int64_t) r->hi, off, off, false, &lo, &hi);
      if (lo == hi && (lo < -BPFI_STACK_SIZE || lo + size > 0))
	return fail (c->err, c->f, (long) c->i, "stack access out of bounds "
		     "(offset %lld, size %d)", (long long) lo, size);
      if (lo != hi && (lo < -BPFI_STACK_SIZE || hi > -size))
	{
	  info->flags |= BPFI_INSN_STACK_VAR;
	  return range_fail (c, "stack access at offset [%lld, %lld] of %d "
			     "bytes lies outside the %d-byte frame",
			     (long long) lo, (long long) hi, size,
			     BPFI_STACK_SIZE);
	}
      deepen (c->f, lo);
      if (lo != hi)
	{
	  info->flags |= BPFI_INSN_STACK_VAR;
	  c->f->stack_var = true;
	  return 0;
	}
      info->flags |= BPFI_INSN_STACK;
      info->stack_off = (int32_t) lo;
      /* Reading back a spilled stack pointer.  */
      int l = slot_of (lo);
      if (!write && size == 8 && l >= 0 && c->s->v[l].kind == BPFV_STACK
	  && c->s->v[l].lo == c->s->v[l].hi
	  && info->op->lower == BPFI_LOWER_LOAD)
	{
	  info->flags |= BPFI_INSN_FILL;
	  info->fill_off = (int32_t) (int64_t) c->s->v[l].lo;
	}
      return 0;
    }
  if (r->kind == BPFV_SCALAR && r->base > 0)
    {
      const struct bpfi_data *d = &c->obj->data[r->base - 1];
      off_add ((int64_t) r->lo, (int64_t) r->hi, off, off, false, &lo, &hi);
      if (lo != hi)
	c->ranged = true;
      if (lo < 0 || hi > (int64_t) d->size - size)
	{
	  if (lo == hi)
	    return range_fail (c, "access at offset %lld of %d bytes lies "
			       "outside data section %s (%zu bytes)",
			       (long long) lo, size, d->name, d->size);
	  return range_fail (c, "access at offset [%lld, %lld] of %d bytes "
			     "lies outside data section %s (%zu bytes)",
			     (long long) lo, (long long) hi, size, d->name,
			     d->size);
	}
      return 0;
    }
  int a = arg_of (r);
  if (a != 0)
    {
      /* Through an argument: a caller's frame, or program memory.  */
      info->flags |= BPFI_INSN_ARGPTR;
      info->ptr_arg = (uint8_t) a;
      off_add (r->plo, r->phi, off, off + size, false, &lo, &hi);
      note_arg_mem (c->f, a, lo, hi, write, r->plo != r->phi);
      return 0;
    }
  mark_num (c, r);
  return 0;
}

/* Check the operands of a 64-bit addition or subtraction, which may move
   a pointer by a number (either side of an addition).  */
static int
check_ptr_arith (struct checker *c, unsigned dst, unsigned src, bool x,
		 bool sub)
{
  const val *d = &c->s->v[dst];
  int ret = use_reg (c, dst, true);
  if (ret)
    return ret;
  if (!x)
    {
      if (!arg_of (d))
	mark_num (c, d);
      return 0;
    }
  const val *b = &c->s->v[src];
  if (is_pointer (d) || (sub && is_pointer (b)))
    return use_reg (c, src, false);
  if (is_pointer (b))
    {
      mark_num (c, d);
      return use_reg (c, src, true);
    }
  if ((ret = use_reg (c, src, true)) != 0)
    return ret;
  if (!(arg_of (d) && plain_number (b))
      && !(!sub && arg_of (b) && plain_number (d)))
    {
      mark_num (c, d);
      mark_num (c, b);
    }
  return 0;
}

/* Check what a BPF-to-BPF call passes in the registers CALLEE reads:
   stack pointers it may receive, and the arguments of this function it
   receives plus an offset.  */
static int
check_call_args (struct checker *c, const struct bpfi_func *callee)
{
  struct bpfi_insn_info *info = &c->f->info[c->i];
  int ret;
  info->call_args = 0;
  if (callee->stack_var)
    c->f->stack_var = true;
  for (unsigned r = 1; r <= 5; r++)
    {
      uint8_t bit = (uint8_t) (1u << r);
      if (!(callee->args_read & bit))
	continue;
      if ((ret = use_reg (c, r, true)) != 0)
	return ret;
      const val *v = &c->s->v[r];
      int a = arg_of (v);
      if (v->kind == BPFV_CONFLICT)
	return fail (c->err, c->f, (long) c->i, "stack pointer escapes "
		     "(r%u may hold a stack address)", r);
      if (v->kind == BPFV_STACK)
	{
	  if (callee->args_num & bit)
	    return fail (c->err, c->f, (long) c->i, "stack pointer escapes "
			 "(r%u holds a stack address, which %s uses as a "
			 "number)", r, callee->name);
	  info->call_args |= (uint16_t) (BPFI_CALL_ARG_STACK << (3 * (r - 1)));
	  if (!(callee->args_mem & bit))
	    continue;
	  int64_t lo, hi;
	  off_add ((int64_t) v->lo, (int64_t) v->hi, callee->args_mem_lo[r],
		   callee->args_mem_hi[r], false, &lo, &hi);
	  if (lo < -BPFI_STACK_SIZE || hi > 0)
	    {
	      c->f->stack_var = true;
	      if ((ret = range_fail (c, "stack access by %s through r%u at "
				     "bytes [%lld, %lld) lies outside the "
				     "%d-byte frame", callee->name, r,
				     (long long) lo, (long long) hi,
				     BPFI_STACK_SIZE)) != 0)
		return ret;
	      continue;
	    }
	  deepen (c->f, lo);
	  if (v->lo != v->hi || (callee->args_mem_var & bit))
	    c->f->stack_var = true;
	}
      else if (a != 0)
	{
	  info->call_args |= (uint16_t) (a << (3 * (r - 1)));
	  if (callee->args_num & bit)
	    c->f->args_num |= (uint8_t) (1u << a);
	  if (callee->args_mem & bit)
	    {
	      int64_t lo, hi;
	      off_add (v->plo, v->phi, callee->args_mem_lo[r],
		       callee->args_mem_hi[r], false, &lo, &hi);
	      note_arg_mem (c->f, a, lo, hi,
			    callee->args_mem_write & bit,
			    v->plo != v->phi || (callee->args_mem_var & bit));
	    }
	}
      else
	mark_num (c, v);
    }
  return 0;
}

/* The bytes at register REG, which a map helper reads (SIZE of them):
   on the stack (within the frame; *OFF gets their offset from R10 and
   FLAG is set) or anywhere else.  */
static int
check_map_bytes (struct checker *c, unsigned reg, uint32_t size,
		 uint16_t flag, int32_t *off)
{
  int ret = use_reg (c, reg, true);
  if (ret)
    return ret;
  const val *r = &c->s->v[reg];
  struct bpfi_insn_info *info = &c->f->info[c->i];
  if (r->kind == BPFV_CONFLICT)
    return fail (c->err, c->f, (long) c->i, "stack pointer escapes "
		 "(r%u may or may not point into the stack frame)", reg);
  if (r->kind != BPFV_STACK)
    return 0;
  int64_t lo = (int64_t) r->lo;
  if (r->lo != r->hi)
    return fail (c->err, c->f, (long) c->i, "r%u points into the stack "
		 "frame at an offset in [%lld, %lld]: a map's key or value "
		 "must be at a constant offset", reg, (long long) lo,
		 (long long) (int64_t) r->hi);
  if (lo < -BPFI_STACK_SIZE || lo + (int64_t) size > 0)
    return fail (c->err, c->f, (long) c->i, "stack access out of bounds "
		 "(offset %lld, size %u)", (long long) lo, size);
  info->flags |= flag;
  *off = (int32_t) lo;
  if ((uint32_t) -lo > c->f->stack_depth)
    c->f->stack_depth = (uint32_t) -lo;
  return 0;
}

/* A call of map helper H: R1 must name one map on every path (the
   emitter lowers the call for it), R2 points to a key and, for an
   update, R3 to a value and R4 holds the flags.  */
static int
check_map_helper (struct checker *c, enum bpfi_helper h)
{
  int ret = use_reg (c, 1, false);
  if (ret)
    return ret;
  const val *r1 = &c->s->v[1];
  struct bpfi_insn_info *info = &c->f->info[c->i];
  if (r1->kind != BPFV_MAP)
    return fail (c->err, c->f, (long) c->i, "%s: r1 is not the same map "
		 "on every path (pass the address of a map variable, "
		 "&NAME)", bpfi_helper_name (h));
  const struct bpfi_map *m = &c->obj->maps[r1->lo];
  info->map = (int32_t) r1->lo;
  if ((ret = check_map_bytes (c, 2, m->key_size, BPFI_INSN_KEY_STACK,
			      &info->key_off)) != 0)
    return ret;
  if (h != BPFI_HELPER_MAP_UPDATE)
    return 0;
  if ((ret = check_map_bytes (c, 3, m->value_size, BPFI_INSN_VALUE_STACK,
			      &info->value_off)) != 0)
    return ret;
  return use_reg (c, 4, false);
}

/* Check instruction C->i against its state before it, as its row of the
   opcode table says: what it writes, what it reads, the memory it
   accesses, then the calling convention.  */
static int
check_dataflow (struct checker *c)
{
  const struct bpf_insn *insn = &c->f->insns[c->i];
  const struct bpfi_insn_info *info = &c->f->info[c->i];
  const struct bpfi_opcode *op = info->op;
  unsigned dst = insn->dst_reg, src = insn->src_reg;
  unsigned opnd = op->operands;
  int ret;

  if ((opnd & BPFI_OPND_DST_W) && (ret = check_write (c, dst)) != 0)
    return ret;
  if (opnd & (BPFI_OPND_PTR_ADD | BPFI_OPND_PTR_SUB))
    {
      if ((ret = check_ptr_arith (c, dst, src, opnd & BPFI_OPND_SRC_R,
				  opnd & BPFI_OPND_PTR_SUB)) != 0)
	return ret;
    }
  else
    {
      /* Two pointers into the frame compared, or two values of one
	 argument plus offsets (their order is their offsets').  */
      const val *x = &c->s->v[dst], *y = &c->s->v[src];
      bool cmp = (op->lower == BPFI_LOWER_JUMP && (opnd & BPFI_OPND_SRC_R)
		  && (opnd & BPFI_OPND_DST_R) && dst < NREGS && src < NREGS
		  && op->width == 64
		  && ((x->kind == BPFV_STACK && y->kind == BPFV_STACK)
		      || (arg_of (x) != 0 && arg_of (x) == arg_of (y))));
      if ((opnd & BPFI_OPND_DST_R) && (ret = use_reg (c, dst, cmp)) != 0)
	return ret;
      if (opnd & BPFI_OPND_SRC_R)
	{
	  /* A copy, or a 64-bit store of a pointer into a slot of the
	     frame (a spill) may hold a stack pointer.  */
	  bool spill = (op->lower == BPFI_LOWER_STORE && op->width == 64
			&& x->kind == BPFV_STACK && x->lo == x->hi
			&& slot_of ((int64_t) x->lo + insn->off) >= 0
			&& y->kind != BPFV_CONFLICT);
	  if ((ret = use_reg (c, src, (opnd & BPFI_OPND_PTR_COPY) || spill
					|| cmp)) != 0)
	    return ret;
	}
    }
  if ((opnd & BPFI_OPND_R0_R) && (ret = use_reg (c, 0, false)) != 0)
    return ret;
  if ((opnd & BPFI_OPND_SRC_W) && (ret = check_write (c, src)) != 0)
    return ret;
  if ((opnd & BPFI_OPND_MEM_SRC)
      && (ret = check_mem (c, src, insn->off, op->width / 8, false)) != 0)
    return ret;
  if ((opnd & BPFI_OPND_MEM_DST)
      && (ret = check_mem (c, dst, insn->off, op->width / 8, true)) != 0)
    return ret;

  if (op->succ == BPFI_SUCC_EXIT)
    {
      /* A function returning void leaves R0 unset on some paths (clang
	 does this for void hooks), so an uninitialized R0 is not an
	 error: live_in tells the emitter, whose result is then undefined.
	 A stack address left in R0 is no value: the caller may not use
	 it.  */
      if (!(c->s->init & 1u))
	return 0;
      if (is_pointer (&c->s->v[0]))
	{
	  c->f->ret_stack = true;
	  return use_reg (c, 0, true);
	}
      return use_reg (c, 0, false);
    }
  if (op->succ == BPFI_SUCC_CALL)
    {
      if (info->kind == BPFI_RELOC_HELPER)
	{
	  enum bpfi_helper h = (enum bpfi_helper) info->index;
	  if (bpfi_helper_map_p (h))
	    return check_map_helper (c, h);
	  int nargs = bpfi_helper_nargs (h);
	  for (int r = 1; r <= nargs; r++)
	    if ((ret = use_reg (c, (unsigned) r, false)) != 0)
	      return ret;
	  return 0;
	}
      return check_call_args (c, &c->obj->funcs[info->index]);
    }
  return 0;
}

/* The state at the entry of a function: R1..R5 (arguments) and R10.  */
static void
entry_state (state *s)
{
  memset (s, 0, sizeof *s);
  for (int l = 0; l < NLOCS; l++)
    s->v[l] = v_unknown ();
  s->init = (uint16_t) (ARG_REGS | (1u << 10));
  s->written = (uint16_t) (1u << 10);
  s->v[10] = v_stack (0);
  for (int r = 1; r <= 5; r++)
    {
      s->v[r].id = BPFV_ARG_ID (r);
      s->v[r].pmask = (uint8_t) (1u << r);
    }
}

/* What IV says of a loop's head, applied to its state *S: an induction
   variable lies within its value on entry plus K * its step, K from 0 to
   the loop's trips less one (a range that is sound whatever the
   dataflow found, so it replaces a value of another kind).  */
static void
clamp_ivs (state *s, const struct bpfv_loop_iv *iv)
{
  if (iv->trips == 0 || iv->trips == UMAX)
    return;
  int64_t n = (int64_t) (iv->trips - 1);
  for (int l = 0; l < NLOCS; l++)
    {
      const val *e = &iv->entry[l];
      val *v = &s->v[l];
      int64_t step = iv->zext32[l] ? (int64_t) (int32_t) iv->step[l]
		     : (int64_t) iv->step[l], tot, lo, hi;
      if (step == 0 || (l < NREGS && !(s->init & (1u << l)))
	  || __builtin_mul_overflow (step, n, &tot) || tot == INT64_MIN)
	continue;
      int64_t dlo = tot < 0 ? tot : 0, dhi = tot > 0 ? tot : 0;
      if (iv->zext32[l] && !(is_number (e) && e->hi <= M32))
	continue;
      if (e->kind == BPFV_STACK || (e->kind == BPFV_SCALAR && e->base != 0))
	{
	  if (iv->zext32[l])
	    continue;
	  off_add ((int64_t) e->lo, (int64_t) e->hi, dlo, dhi, false, &lo,
		   &hi);
	  if (lo == BPFV_OFF_MIN && hi == BPFV_OFF_MAX)
	    continue;
	  if (v->kind == e->kind && v->base == e->base)
	    {
	      lo = lo > (int64_t) v->lo ? lo : (int64_t) v->lo;
	      hi = hi < (int64_t) v->hi ? hi : (int64_t) v->hi;
	      if (lo > hi)
		continue;
	    }
	  val c = e->kind == BPFV_STACK ? v_stack_range (lo, hi)
		  : v_address (e->base, 0);
	  c.lo = (uint64_t) lo;
	  c.hi = (uint64_t) hi;
	  *v = c;
	  continue;
	}
      if (!is_number (e) || !is_number (v))
	continue;
      uint64_t ulo = e->lo, uhi = e->hi;
      if ((tot >= 0 && !__builtin_add_overflow (uhi, (uint64_t) tot, &uhi)
	   && (!iv->zext32[l] || uhi <= M32))
	  || (tot < 0 && ulo >= (uint64_t) -tot
	      && ((ulo -= (uint64_t) -tot), true)))
	narrow_val (v, 64, ulo, uhi);
      int a = arg_of (e);
      if (a != 0 && !iv->zext32[l])
	{
	  off_add (e->plo, e->phi, dlo, dhi, false, &lo, &hi);
	  if (v->pmask == e->pmask)
	    {
	      lo = lo > v->plo ? lo : v->plo;
	      hi = hi < v->phi ? hi : v->phi;
	    }
	  if (lo <= hi)
	    {
	      v->pmask = e->pmask;
	      v->plo = lo;
	      v->phi = hi;
	    }
	}
    }
}

/* The dataflow to its fixed point over the blocks of G: IN receives each
   block's entry state.  PRUNE: do not follow the edges of conditional
   jumps that cannot go that way (the blocks only they reach stay
   unvisited).  IVS (NIVS of them, or NULL): what pass 3 found of the
   loops, applied at their heads.  */
static int
dataflow (const struct bpfi_object *obj, struct bpfi_func *f,
	  const struct bpfv_cfg *g, state *in, bool prune,
	  const struct bpfv_loop_iv *ivs, size_t nivs,
	  struct bpfi_error *err)
{
  size_t nb = g->nb;
  bool *dirty = calloc (nb, sizeof *dirty);
  state *s = malloc (sizeof *s), *t = malloc (sizeof *t);
  state *u = malloc (sizeof *u);
  int ret = 0;
  if (dirty == NULL || s == NULL || t == NULL || u == NULL)
    {
      ret = fail (err, f, -1, "out of memory");
      goto out;
    }

  memset (in, 0, nb * sizeof *in);
  entry_state (s);
  merge_state (&in[0], s, false);
  dirty[0] = true;
  /* Sweeps in reverse postorder until nothing changes.  */
  for (bool again = true; again;)
    {
      again = false;
      for (size_t r = 0; r < nb; r++)
	{
	  int b = g->rpo[r];
	  if (!dirty[b])
	    continue;
	  dirty[b] = false;
	  *s = in[b];
	  for (size_t i = g->start[b]; i < g->end[b]; i++)
	    if (!(f->info[i].flags & BPFI_INSN_IMM64_HI))
	      bpfv_transfer (obj, f, i, s);
	  for (int k = 0; k < g->nsucc[b]; k++)
	    {
	      int d = g->succ[2 * b + k];
	      *t = *s;
	      if (!bpfv_edge (f, g->last[b], k, t) && prune)
		continue;
	      bool widen = f->info[g->start[d]].flags & BPFI_INSN_LOOP_HEAD;
	      const struct bpfv_loop_iv *iv = NULL;
	      for (size_t k = 0; k < nivs; k++)
		if (ivs[k].head == d)
		  iv = &ivs[k];
	      if (iv != NULL)
		{
		  *u = in[d];
		  merge_state (u, t, widen);
		  clamp_ivs (u, iv);
		  if (in[d].visited && state_eq (u, &in[d]))
		    continue;
		  in[d] = *u;
		  dirty[d] = true;
		  again = true;
		}
	      else if (merge_state (&in[d], t, widen))
		{
		  dirty[d] = true;
		  again = true;
		}
	    }
	}
    }

out:
  free (dirty);
  free (s);
  free (t);
  free (u);
  return ret;
}

/* Pass 2: the dataflow over the blocks of G, then the check of each
   instruction against the state before it.  IVS, NIVS: as for dataflow.
   DEFERRED (or NULL): see checker.lenient; returns 1 when it was filled
   in, or when some access is at an offset in a range (which what pass 3
   knows of the loops may narrow).  */
static int
check_dataflow_func (const struct bpfi_object *obj, struct bpfi_func *f,
		     const struct bpfv_cfg *g, state *in,
		     const struct bpfv_loop_iv *ivs, size_t nivs,
		     struct bpfi_error *deferred, struct bpfi_error *err)
{
  size_t nb = g->nb;
  state *s = malloc (sizeof *s);
  int ret = s == NULL ? fail (err, f, -1, "out of memory")
	    : dataflow (obj, f, g, in, false, ivs, nivs, err);
  if (ret)
    {
      free (s);
      return ret;
    }

  /* Check in instruction order, so that the first bad instruction is
     the one reported.  */
  f->args_read = 0;
  f->stack_depth = 0;
  f->stack_var = false;
  f->ret_stack = false;
  f->args_num = f->args_mem = f->args_mem_write = f->args_mem_var = 0;
  for (size_t i = 0; i < f->ninsns; i++)
    {
      struct bpfi_insn_info *info = &f->info[i];
      info->flags &= (uint8_t) ~(BPFI_INSN_STACK | BPFI_INSN_STACK_VAR
				 | BPFI_INSN_ARGPTR | BPFI_INSN_FILL);
      info->stack_off = info->fill_off = 0;
      info->ptr_arg = 0;
      info->call_args = 0;
    }
  bool have_deferred = false, ranged = false;
  for (size_t b = 0; b < nb && ret == 0; b++)
    {
      *s = in[b];
      for (size_t i = g->start[b]; i < g->end[b]; i++)
	{
	  struct bpfi_insn_info *info = &f->info[i];
	  if (info->flags & BPFI_INSN_IMM64_HI)
	    {
	      info->live_in = f->info[i - 1].live_in;
	      continue;
	    }
	  info->live_in = s->init;
	  struct checker c = { obj, f, err, i, s, deferred != NULL, deferred,
			       have_deferred, ranged };
	  ret = check_dataflow (&c);
	  have_deferred = c.have_deferred;
	  ranged = c.ranged;
	  if (ret)
	    break;
	  bpfv_transfer (obj, f, i, s);
	}
    }
  free (s);
  if (ret)
    return ret;
  return have_deferred || ranged || f->stack_var || f->args_mem_var;
}

/* ---------------------------------------------------------------------- */
/* The driver.  */

enum { UNVISITED = 0, IN_PROGRESS, DONE };

static int
verify_func (struct bpfi_object *obj, size_t fi, uint8_t *status,
	     unsigned level, struct bpfi_error *err)
{
  struct bpfi_func *f = &obj->funcs[fi];
  if (level > MAX_CALL_DEPTH)
    return fail (err, f, -1, "unsupported: BPF-to-BPF calls nested more "
		 "than %d deep", MAX_CALL_DEPTH);
  status[fi] = IN_PROGRESS;
  int ret = check_structure (f, err);
  if (ret)
    return ret;

  uint64_t helpers = 0;
  for (size_t i = 0; i < f->ninsns; i++)
    {
      const struct bpfi_insn_info *info = &f->info[i];
      if (!(info->flags & BPFI_INSN_REACHABLE)
	  || (info->flags & BPFI_INSN_IMM64_HI))
	continue;
      if (info->kind == BPFI_RELOC_FUNC_ADDR)
	return fail (err, f, (long) i, "unsupported: address of a BPF "
		     "function");
      if (info->kind == BPFI_RELOC_DATA
	  && (info->index < 0 || (size_t) info->index >= obj->ndata))
	return fail (err, f, (long) i, "unresolvable relocation: bad data "
		     "section index");
      if (info->kind == BPFI_RELOC_EXTERN
	  && (info->index < 0 || (size_t) info->index >= obj->nexterns))
	return fail (err, f, (long) i, "unresolvable relocation: bad extern "
		     "index");
      if (info->kind == BPFI_RELOC_HELPER)
	helpers |= (uint64_t) 1 << info->index;
      if (info->kind != BPFI_RELOC_CALL)
	continue;
      if (info->index < 0 || (size_t) info->index >= obj->nfuncs)
	return fail (err, f, (long) i, "unresolvable relocation: bad call "
		     "target");
      size_t ci = (size_t) info->index;
      if (status[ci] == IN_PROGRESS)
	return fail (err, f, (long) i, "recursive call (%s calls %s)",
		     f->name, obj->funcs[ci].name);
      if (status[ci] == UNVISITED)
	{
	  ret = verify_func (obj, ci, status, level + 1, err);
	  if (ret)
	    return ret;
	}
      helpers |= obj->funcs[ci].helpers;
    }

  struct bpfv_cfg g;
  ret = cfg_build (f, &g, err);
  if (ret)
    return ret;
  state *in = malloc ((g.nb ? g.nb : 1) * sizeof *in);
  struct bpfi_error deferred;
  struct bpfv_loop_iv *ivs = NULL;
  size_t nivs = 0;
  bool again = false;
  if (in == NULL)
    ret = fail (err, f, -1, "out of memory");
  else
    {
      ret = check_dataflow_func (obj, f, &g, in, NULL, 0, &deferred, err);
      again = ret == 1;
      if (again)
	ret = 0;
    }
  /* The bounds are proved on what can run.  */
  if (ret == 0)
    ret = dataflow (obj, f, &g, in, true, NULL, 0, err);
  if (ret == 0)
    ret = bpfv_bound (obj, f, &g, in, again ? &ivs : NULL, &nivs, err);
  /* An access at offsets in a range, maybe out of its frame or section
     as far as the first run could tell: check again, knowing how far
     the loops go.  */
  if (ret == 0 && again)
    {
      ret = check_dataflow_func (obj, f, &g, in, ivs, nivs, NULL, err);
      if (ret > 0)
	ret = 0;
    }
  free (ivs);
  free (in);
  cfg_free (&g);
  if (ret)
    return ret;
  f->helpers = helpers;
  f->verified = true;
  status[fi] = DONE;
  return 0;
}

int
bpfi_object_verify (struct bpfi_object *obj, struct bpfi_error *err)
{
  struct bpfi_error dummy;
  if (err == NULL)
    err = &dummy;
  memset (err, 0, sizeof *err);
  err->insn = -1;
  if (obj == NULL)
    return bpfi_error_set (err, NULL, -1, "no object");
  uint8_t *status = calloc (obj->nfuncs ? obj->nfuncs : 1, 1);
  if (status == NULL)
    return bpfi_error_set (err, NULL, -1, "out of memory");
  int ret = 0;
  for (size_t i = 0; i < obj->nfuncs; i++)
    {
      obj->funcs[i].verified = false;
      obj->funcs[i].helpers = 0;
      obj->funcs[i].max_insns = 0;
    }
  for (size_t i = 0; i < obj->nfuncs && ret == 0; i++)
    if (obj->funcs[i].global && status[i] == UNVISITED)
      ret = verify_func (obj, i, status, 0, err);
  free (status);
  return ret;
}

bool
bpfi_func_uses_helper (const struct bpfi_object *obj,
		       const struct bpfi_func *fn, enum bpfi_helper h)
{
  if (obj == NULL || fn == NULL || fn < obj->funcs
      || fn >= obj->funcs + obj->nfuncs || !fn->verified
      || (int) h <= BPFI_HELPER_NONE || h >= BPFI_HELPER_COUNT)
    return false;
  return (fn->helpers >> h) & 1;
}
