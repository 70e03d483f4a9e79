/* bpf-verify.c - check that the functions of a BPF half are safe to inline.

   For each function: decode and validate every instruction, build the
   control flow (leaders, loop heads, reachability), then run a forward
   dataflow analysis over the CFG that tracks which registers are
   initialized and which hold R10 plus a known constant.  The results are
   stored in bpfi_insn_info and bpfi_func for the GIMPLE emitter.  */

#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf-prog.h"

#define NREGS 11
#define ALL_REGS ((uint16_t) 0x7ff)
#define ARG_REGS ((uint16_t) 0x3e)	/* R1..R5 */

#ifndef BPF_JMP32
#define BPF_JMP32 0x06
#endif
#ifndef BPF_ATOMIC
#define BPF_ATOMIC 0xc0
#endif
#ifndef BPF_FETCH
#define BPF_FETCH 0x01
#endif
#ifndef BPF_XCHG
#define BPF_XCHG (0xe0 | BPF_FETCH)
#endif
#ifndef BPF_CMPXCHG
#define BPF_CMPXCHG (0xf0 | BPF_FETCH)
#endif
#ifndef BPF_PSEUDO_CALL
#define BPF_PSEUDO_CALL 1
#endif

#define OP_LD_IMM64 (BPF_LD | BPF_IMM | BPF_DW)

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

static int
size_bytes (int sz)
{
  switch (sz)
    {
    case BPF_B: return 1;
    case BPF_H: return 2;
    case BPF_W: return 4;
    default: return 8;
    }
}

static bool
is_cond_jump_op (int op)
{
  switch (op)
    {
    case BPF_JEQ: case BPF_JGT: case BPF_JGE: case BPF_JSET:
    case BPF_JNE: case BPF_JSGT: case BPF_JSGE: case BPF_JLT:
    case BPF_JLE: case BPF_JSLT: case BPF_JSLE:
      return true;
    default:
      return false;
    }
}

/* Does instruction I transfer control with a jump offset?  */
static bool
is_jump (const struct bpf_insn *insn)
{
  int cls = BPF_CLASS (insn->code);
  if (cls != BPF_JMP && cls != BPF_JMP32)
    return false;
  int op = BPF_OP (insn->code);
  return op == BPF_JA || is_cond_jump_op (op);
}

static int
check_reg (struct bpfi_error *err, const struct bpfi_func *f, size_t i,
	   unsigned reg)
{
  if (reg >= NREGS)
    {
      char what[64];
      snprintf (what, sizeof what, "invalid register r%u", reg);
      return fail_opcode (err, f, i, what);
    }
  return 0;
}

/* Validate the encoding of instruction I (not an IMM64_HI slot).  */
static int
check_insn (struct bpfi_error *err, const struct bpfi_func *f, size_t i)
{
  const struct bpf_insn *insn = &f->insns[i];
  const struct bpfi_insn_info *info = &f->info[i];
  int cls = BPF_CLASS (insn->code);
  int ret;

  switch (cls)
    {
    case BPF_ALU:
    case BPF_ALU64:
      {
	int op = BPF_OP (insn->code);
	bool x = BPF_SRC (insn->code) == BPF_X;
	if (op == BPF_END)
	  {
	    if (cls == BPF_ALU64)
	      return fail_opcode (err, f, i, "unconditional byte swap");
	    if (insn->imm != 16 && insn->imm != 32 && insn->imm != 64)
	      return fail_opcode (err, f, i, "byte swap of an invalid width");
	    if (insn->off != 0 || insn->src_reg != 0)
	      return fail_opcode (err, f, i, "malformed byte swap");
	    return check_reg (err, f, i, insn->dst_reg);
	  }
	if (op > BPF_ARSH)
	  return fail_opcode (err, f, i, "unknown ALU operation");
	if (op == BPF_NEG && x)
	  return fail_opcode (err, f, i, "negation with a register source");
	if (insn->off != 0)
	  {
	    if ((op == BPF_DIV || op == BPF_MOD) && insn->off == 1)
	      return fail_opcode (err, f, i, op == BPF_DIV
				  ? "signed division" : "signed remainder");
	    if (op == BPF_MOV)
	      return fail_opcode (err, f, i, "sign-extending move");
	    return fail_opcode (err, f, i, "ALU operation with a nonzero "
				"offset");
	  }
	if ((ret = check_reg (err, f, i, insn->dst_reg)) != 0)
	  return ret;
	if (x && (ret = check_reg (err, f, i, insn->src_reg)) != 0)
	  return ret;
	return 0;
      }

    case BPF_JMP:
    case BPF_JMP32:
      {
	int op = BPF_OP (insn->code);
	bool x = BPF_SRC (insn->code) == BPF_X;
	if (op == BPF_JA)
	  {
	    if (cls == BPF_JMP32)
	      return fail_opcode (err, f, i, "32-bit-offset jump");
	    if (x)
	      return fail_opcode (err, f, i, "jump with a register source");
	    return 0;
	  }
	if (op == BPF_CALL)
	  {
	    if (cls == BPF_JMP32 || x)
	      return fail_opcode (err, f, i, "malformed call");
	    if (info->kind == BPFI_RELOC_HELPER)
	      {
		if (info->index <= BPFI_HELPER_NONE
		    || info->index >= BPFI_HELPER_COUNT)
		  return fail (err, f, (long) i, "unknown helper 'number %d'",
			       info->index);
		return 0;
	      }
	    if (info->kind == BPFI_RELOC_CALL)
	      return 0;
	    return fail (err, f, (long) i, "unknown helper 'number %d'",
			 insn->imm);
	  }
	if (op == BPF_EXIT)
	  {
	    if (cls == BPF_JMP32 || x)
	      return fail_opcode (err, f, i, "malformed exit");
	    return 0;
	  }
	if (!is_cond_jump_op (op))
	  return fail_opcode (err, f, i, "unknown jump operation");
	if ((ret = check_reg (err, f, i, insn->dst_reg)) != 0)
	  return ret;
	if (x && (ret = check_reg (err, f, i, insn->src_reg)) != 0)
	  return ret;
	return 0;
      }

    case BPF_LDX:
      if (BPF_MODE (insn->code) != BPF_MEM)
	return fail_opcode (err, f, i, BPF_MODE (insn->code) == 0x80
			    ? "sign-extending load" : "unknown load mode");
      if ((ret = check_reg (err, f, i, insn->dst_reg)) != 0)
	return ret;
      return check_reg (err, f, i, insn->src_reg);

    case BPF_ST:
      if (BPF_MODE (insn->code) != BPF_MEM)
	return fail_opcode (err, f, i, "unknown store mode");
      return check_reg (err, f, i, insn->dst_reg);

    case BPF_STX:
      if (BPF_MODE (insn->code) == BPF_ATOMIC)
	{
	  int sz = BPF_SIZE (insn->code);
	  if (sz != BPF_W && sz != BPF_DW)
	    return fail_opcode (err, f, i, "atomic operation of an invalid "
				"size");
	  switch (insn->imm)
	    {
	    case BPF_ADD: case BPF_OR: case BPF_AND: case BPF_XOR:
	    case BPF_ADD | BPF_FETCH: case BPF_OR | BPF_FETCH:
	    case BPF_AND | BPF_FETCH: case BPF_XOR | BPF_FETCH:
	    case BPF_XCHG: case BPF_CMPXCHG:
	      break;
	    default:
	      return fail_opcode (err, f, i, "unknown atomic operation");
	    }
	}
      else if (BPF_MODE (insn->code) != BPF_MEM)
	return fail_opcode (err, f, i, "unknown store mode");
      if ((ret = check_reg (err, f, i, insn->dst_reg)) != 0)
	return ret;
      return check_reg (err, f, i, insn->src_reg);

    case BPF_LD:
      if (insn->code == OP_LD_IMM64)
	{
	  if (insn->src_reg != 0 && info->kind == BPFI_RELOC_NONE)
	    {
	      char what[64];
	      snprintf (what, sizeof what, "ld_imm64 with src_reg %u",
			(unsigned) insn->src_reg);
	      return fail_opcode (err, f, i, what);
	    }
	  return check_reg (err, f, i, insn->dst_reg);
	}
      if (BPF_MODE (insn->code) == BPF_ABS)
	return fail_opcode (err, f, i, "legacy packet load (LD_ABS)");
      if (BPF_MODE (insn->code) == BPF_IND)
	return fail_opcode (err, f, i, "legacy packet load (LD_IND)");
      return fail_opcode (err, f, i, "unknown load");

    default:
      return fail_opcode (err, f, i, "unknown instruction class");
    }
}

/* Successors of instruction I of F (at most two): returns their number.
   Successors past the end are returned too (the caller checks).  */
static int
insn_succs (const struct bpfi_func *f, size_t i, size_t succ[2])
{
  const struct bpf_insn *insn = &f->insns[i];
  int nsucc = 0;
  if (insn->code == (BPF_JMP | BPF_EXIT))
    ;
  else if (is_jump (insn))
    {
      succ[nsucc++] = (size_t) ((long) i + insn->off + 1);
      if (BPF_OP (insn->code) != BPF_JA)
	succ[nsucc++] = i + 1;
    }
  else
    succ[nsucc++] = i + (insn->code == OP_LD_IMM64 ? 2 : 1);
  return nsucc;
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
    if ((f->info[i].flags & BPFI_INSN_REACHABLE)
	&& !(f->info[i].flags & BPFI_INSN_IMM64_HI))
      {
	int ns = insn_succs (f, i, succ);
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
    if ((f->info[i].flags & BPFI_INSN_REACHABLE)
	&& !(f->info[i].flags & BPFI_INSN_IMM64_HI))
      {
	int ns = insn_succs (f, i, succ);
	for (int k = 0; k < ns; k++)
	  if (succ[k] < n)
	    pred[fill[succ[k]]++] = i;
      }

  size_t sp = 0;
  for (size_t i = 0; i < n; i++)
    if ((f->info[i].flags & BPFI_INSN_REACHABLE)
	&& !(f->info[i].flags & BPFI_INSN_IMM64_HI)
	&& f->insns[i].code == (BPF_JMP | BPF_EXIT))
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
      f->info[i].flags = 0;
      f->info[i].live_in = 0;
      f->info[i].stack_off = 0;
    }
  /* Mark the second halves of ld_imm64 first, so that forward jumps
     into them are caught.  */
  for (size_t i = 0; i < n; i++)
    if (f->insns[i].code == OP_LD_IMM64)
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
      const struct bpf_insn *insn = &f->insns[i];
      if (is_jump (insn))
	{
	  long t = (long) i + insn->off + 1;
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
      if ((is_jump (insn) || insn->code == (BPF_JMP | BPF_EXIT))
	  && i + 1 < n)
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
      const struct bpf_insn *insn = &f->insns[i];
      size_t succ[2];
      int nsucc = 0;
      if (insn->code == (BPF_JMP | BPF_EXIT))
	;
      else if (is_jump (insn))
	{
	  succ[nsucc++] = (size_t) ((long) i + insn->off + 1);
	  if (BPF_OP (insn->code) != BPF_JA)
	    succ[nsucc++] = i + 1;
	}
      else
	succ[nsucc++] = i + (insn->code == OP_LD_IMM64 ? 2 : 1);
      if (insn->code == OP_LD_IMM64)
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

/* Abstract value of a register as a stack pointer.  */
enum sp_kind
{
  SP_NONE = 0,		/* not a stack pointer */
  SP_STACK,		/* R10 + off */
  SP_CONFLICT		/* different things on different paths */
};

struct regstate
{
  uint8_t kind;
  int64_t off;
};

struct state
{
  bool visited;
  uint16_t init;	/* must-initialized registers */
  uint16_t written;	/* registers written on every path (R1..R5 use) */
  struct regstate r[NREGS];
};

static void
set_reg (struct state *s, unsigned reg, uint8_t kind, int64_t off)
{
  s->init |= (uint16_t) (1u << reg);
  s->written |= (uint16_t) (1u << reg);
  s->r[reg].kind = kind;
  s->r[reg].off = kind == SP_STACK ? off : 0;
}

static void
clobber_call (struct state *s)
{
  for (unsigned r = 1; r <= 5; r++)
    {
      s->init &= (uint16_t) ~(1u << r);
      s->written |= (uint16_t) (1u << r);
      s->r[r].kind = SP_NONE;
      s->r[r].off = 0;
    }
  set_reg (s, 0, SP_NONE, 0);
}

/* Merge IN into *DST; return true if *DST changed.  */
static bool
merge_state (struct state *dst, const struct state *in)
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
  for (unsigned r = 0; r < NREGS; r++)
    {
      struct regstate *a = &dst->r[r];
      const struct regstate *b = &in->r[r];
      struct regstate m = *a;
      if (!(init & (1u << r)))
	{
	  m.kind = SP_NONE;
	  m.off = 0;
	}
      else if (a->kind != b->kind
	       || (a->kind == SP_STACK && a->off != b->off))
	{
	  m.kind = SP_CONFLICT;
	  m.off = 0;
	}
      if (m.kind != a->kind || m.off != a->off)
	{
	  *a = m;
	  changed = true;
	}
    }
  return changed;
}

/* Apply instruction I to *S (no checking: that is done afterwards on the
   fixed point).  */
static void
transfer (const struct bpfi_object *obj, const struct bpfi_func *f, size_t i,
	  struct state *s)
{
  const struct bpf_insn *insn = &f->insns[i];
  int cls = BPF_CLASS (insn->code);
  unsigned dst = insn->dst_reg, src = insn->src_reg;
  (void) obj;

  switch (cls)
    {
    case BPF_ALU:
    case BPF_ALU64:
      {
	int op = BPF_OP (insn->code);
	bool x = BPF_SRC (insn->code) == BPF_X;
	if (dst >= NREGS || dst == 10)
	  return;
	if (op == BPF_MOV)
	  {
	    if (cls == BPF_ALU64 && x && src < NREGS)
	      {
		struct regstate rs = s->r[src];
		set_reg (s, dst, rs.kind, rs.off);
		if (!(s->init & (1u << src)))
		  s->init &= (uint16_t) ~(1u << dst);
	      }
	    else
	      set_reg (s, dst, SP_NONE, 0);
	    return;
	  }
	if (cls == BPF_ALU64 && !x && (op == BPF_ADD || op == BPF_SUB)
	    && s->r[dst].kind == SP_STACK)
	  {
	    int64_t off = s->r[dst].off
	      + (op == BPF_ADD ? (int64_t) insn->imm : -(int64_t) insn->imm);
	    if (off < INT32_MIN || off > INT32_MAX)
	      set_reg (s, dst, SP_CONFLICT, 0);
	    else
	      set_reg (s, dst, SP_STACK, off);
	    return;
	  }
	if (cls == BPF_ALU64 && !x && (op == BPF_ADD || op == BPF_SUB)
	    && s->r[dst].kind == SP_CONFLICT)
	  return;
	{
	  bool was_init = s->init & (1u << dst);
	  set_reg (s, dst, SP_NONE, 0);
	  if (!was_init)
	    s->init &= (uint16_t) ~(1u << dst);
	}
	return;
      }
    case BPF_LDX:
      if (dst < NREGS && dst != 10)
	set_reg (s, dst, SP_NONE, 0);
      return;
    case BPF_LD:
      if (insn->code == OP_LD_IMM64 && dst < NREGS && dst != 10)
	set_reg (s, dst, SP_NONE, 0);
      return;
    case BPF_STX:
      if (BPF_MODE (insn->code) == BPF_ATOMIC)
	{
	  if (insn->imm == BPF_CMPXCHG)
	    set_reg (s, 0, SP_NONE, 0);
	  else if ((insn->imm & BPF_FETCH) && src < NREGS && src != 10)
	    set_reg (s, src, SP_NONE, 0);
	}
      return;
    case BPF_JMP:
      if (BPF_OP (insn->code) == BPF_CALL)
	clobber_call (s);
      return;
    default:
      return;
    }
}

struct checker
{
  const struct bpfi_object *obj;
  struct bpfi_func *f;
  struct bpfi_error *err;
  size_t i;
  const struct state *s;
};

static int
use_reg (struct checker *c, unsigned reg, bool may_be_stack)
{
  const struct state *s = c->s;
  if (!(s->init & (1u << reg)))
    return fail (c->err, c->f, (long) c->i,
		 "read of uninitialized register r%u", reg);
  if (reg >= 1 && reg <= 5 && !(s->written & (1u << reg)))
    c->f->args_read |= (uint8_t) (1u << reg);
  if (!may_be_stack && s->r[reg].kind != SP_NONE)
    return fail (c->err, c->f, (long) c->i, "stack pointer escapes "
		 "(r%u %s)", reg, s->r[reg].kind == SP_STACK
		 ? "holds a stack address"
		 : "may hold a stack address");
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

/* Check a memory access through BASE + OFF of SIZE bytes.  */
static int
check_mem (struct checker *c, unsigned base, int off, int size)
{
  int ret = use_reg (c, base, true);
  if (ret)
    return ret;
  const struct regstate *r = &c->s->r[base];
  struct bpfi_insn_info *info = &c->f->info[c->i];
  if (r->kind == SP_NONE)
    return 0;
  if (r->kind == SP_CONFLICT)
    return fail (c->err, c->f, (long) c->i, "stack pointer escapes "
		 "(r%u may or may not point into the stack frame)", base);
  int64_t lo = r->off + off;
  if (lo < -BPFI_STACK_SIZE || lo + size > 0)
    return fail (c->err, c->f, (long) c->i, "stack access out of bounds "
		 "(offset %lld, size %d)", (long long) lo, size);
  info->flags |= BPFI_INSN_STACK;
  info->stack_off = (int32_t) lo;
  if ((uint32_t) -lo > c->f->stack_depth)
    c->f->stack_depth = (uint32_t) -lo;
  return 0;
}

/* Check instruction C->i against its fixed-point input state.  */
static int
check_dataflow (struct checker *c)
{
  const struct bpf_insn *insn = &c->f->insns[c->i];
  const struct bpfi_insn_info *info = &c->f->info[c->i];
  int cls = BPF_CLASS (insn->code);
  unsigned dst = insn->dst_reg, src = insn->src_reg;
  int ret;

  switch (cls)
    {
    case BPF_ALU:
    case BPF_ALU64:
      {
	int op = BPF_OP (insn->code);
	bool x = BPF_SRC (insn->code) == BPF_X;
	if ((ret = check_write (c, dst)) != 0)
	  return ret;
	if (op == BPF_MOV)
	  {
	    if (x)
	      return use_reg (c, src, cls == BPF_ALU64);
	    return 0;
	  }
	bool addsub_imm = cls == BPF_ALU64 && !x
	  && (op == BPF_ADD || op == BPF_SUB);
	if ((ret = use_reg (c, dst, addsub_imm)) != 0)
	  return ret;
	if (x && op != BPF_END && op != BPF_NEG)
	  return use_reg (c, src, false);
	return 0;
      }

    case BPF_LD:
      return check_write (c, dst);

    case BPF_LDX:
      if ((ret = check_write (c, dst)) != 0)
	return ret;
      return check_mem (c, src, insn->off, size_bytes (BPF_SIZE (insn->code)));

    case BPF_ST:
      return check_mem (c, dst, insn->off, size_bytes (BPF_SIZE (insn->code)));

    case BPF_STX:
      if ((ret = use_reg (c, src, false)) != 0)
	return ret;
      if (BPF_MODE (insn->code) == BPF_ATOMIC)
	{
	  if (insn->imm == BPF_CMPXCHG && (ret = use_reg (c, 0, false)) != 0)
	    return ret;
	  if ((insn->imm & BPF_FETCH) && insn->imm != BPF_CMPXCHG
	      && (ret = check_write (c, src)) != 0)
	    return ret;
	}
      return check_mem (c, dst, insn->off, size_bytes (BPF_SIZE (insn->code)));

    case BPF_JMP:
    case BPF_JMP32:
      {
	int op = BPF_OP (insn->code);
	if (op == BPF_JA)
	  return 0;
	if (op == BPF_EXIT)
	  {
	    /* A function returning void leaves R0 unset on some paths
	       (clang does this for void hooks), so an uninitialized R0 is
	       not an error: live_in tells the emitter, whose result is then
	       undefined.  A stack address must not be returned.  */
	    if (!(c->s->init & 1u))
	      return 0;
	    return use_reg (c, 0, false);
	  }
	if (op == BPF_CALL)
	  {
	    if (info->kind == BPFI_RELOC_HELPER)
	      {
		int nargs = bpfi_helper_nargs ((enum bpfi_helper) info->index);
		for (int r = 1; r <= nargs; r++)
		  if ((ret = use_reg (c, (unsigned) r, false)) != 0)
		    return ret;
		return 0;
	      }
	    const struct bpfi_func *callee = &c->obj->funcs[info->index];
	    for (unsigned r = 1; r <= 5; r++)
	      if ((callee->args_read & (1u << r))
		  && (ret = use_reg (c, r, false)) != 0)
		return ret;
	    return 0;
	  }
	if ((ret = use_reg (c, dst, false)) != 0)
	  return ret;
	if (BPF_SRC (insn->code) == BPF_X)
	  return use_reg (c, src, false);
	return 0;
      }
    default:
      return 0;
    }
}

/* Pass 2: register initialization and stack pointer dataflow.  */
static int
check_dataflow_func (const struct bpfi_object *obj, struct bpfi_func *f,
		     struct bpfi_error *err)
{
  size_t n = f->ninsns;
  struct state *in = calloc (n, sizeof *in);
  size_t *work = malloc (n * sizeof *work);
  bool *queued = calloc (n, sizeof *queued);
  int ret = 0;
  if (in == NULL || work == NULL || queued == NULL)
    {
      ret = fail (err, f, -1, "out of memory");
      goto out;
    }

  struct state entry;
  memset (&entry, 0, sizeof entry);
  entry.init = (uint16_t) (ARG_REGS | (1u << 10));
  entry.written = (uint16_t) (1u << 10);
  entry.r[10].kind = SP_STACK;
  entry.r[10].off = 0;
  merge_state (&in[0], &entry);

  /* Worklist as a stack of instruction indexes.  */
  size_t wn = 0;
  work[wn++] = 0;
  queued[0] = true;
  while (wn > 0)
    {
      size_t i = work[--wn];
      queued[i] = false;
      struct state s = in[i];
      transfer (obj, f, i, &s);
      const struct bpf_insn *insn = &f->insns[i];
      size_t succ[2];
      int nsucc = 0;
      if (insn->code == (BPF_JMP | BPF_EXIT))
	;
      else if (is_jump (insn))
	{
	  succ[nsucc++] = (size_t) ((long) i + insn->off + 1);
	  if (BPF_OP (insn->code) != BPF_JA)
	    succ[nsucc++] = i + 1;
	}
      else
	succ[nsucc++] = i + (insn->code == OP_LD_IMM64 ? 2 : 1);
      for (int k = 0; k < nsucc; k++)
	{
	  size_t t = succ[k];
	  if (t >= n)
	    continue;	/* already rejected by check_structure */
	  if (merge_state (&in[t], &s) && !queued[t])
	    {
	      queued[t] = true;
	      work[wn++] = t;
	    }
	}
    }

  f->args_read = 0;
  f->stack_depth = 0;
  for (size_t i = 0; i < n; i++)
    {
      struct bpfi_insn_info *info = &f->info[i];
      if (info->flags & BPFI_INSN_IMM64_HI)
	{
	  info->live_in = f->info[i - 1].live_in;
	  continue;
	}
      if (!in[i].visited)
	continue;
      info->live_in = in[i].init;
      struct checker c = { obj, f, err, i, &in[i] };
      ret = check_dataflow (&c);
      if (ret)
	goto out;
    }

out:
  free (in);
  free (work);
  free (queued);
  return ret;
}

enum { UNVISITED = 0, IN_PROGRESS, DONE };

static int
verify_func (struct bpfi_object *obj, size_t fi, uint8_t *state,
	     unsigned level, struct bpfi_error *err)
{
  struct bpfi_func *f = &obj->funcs[fi];
  if (level > MAX_CALL_DEPTH)
    return fail (err, f, -1, "unsupported: BPF-to-BPF calls nested more "
		 "than %d deep", MAX_CALL_DEPTH);
  state[fi] = IN_PROGRESS;
  int ret = check_structure (f, err);
  if (ret)
    return ret;

  uint32_t depth = 0;
  bool calls = false;
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
      if (info->kind != BPFI_RELOC_CALL)
	continue;
      if (info->index < 0 || (size_t) info->index >= obj->nfuncs)
	return fail (err, f, (long) i, "unresolvable relocation: bad call "
		     "target");
      size_t ci = (size_t) info->index;
      if (state[ci] == IN_PROGRESS)
	return fail (err, f, (long) i, "recursive call (%s calls %s)",
		     f->name, obj->funcs[ci].name);
      if (state[ci] == UNVISITED)
	{
	  ret = verify_func (obj, ci, state, level + 1, err);
	  if (ret)
	    return ret;
	}
      calls = true;
      if (obj->funcs[ci].call_depth + 1 > depth)
	depth = obj->funcs[ci].call_depth + 1;
    }

  ret = check_dataflow_func (obj, f, err);
  if (ret)
    return ret;
  f->call_depth = calls ? depth : 0;
  f->verified = true;
  state[fi] = DONE;
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
  uint8_t *state = calloc (obj->nfuncs ? obj->nfuncs : 1, 1);
  if (state == NULL)
    return bpfi_error_set (err, NULL, -1, "out of memory");
  int ret = 0;
  for (size_t i = 0; i < obj->nfuncs; i++)
    obj->funcs[i].verified = false;
  for (size_t i = 0; i < obj->nfuncs && ret == 0; i++)
    if (obj->funcs[i].global && state[i] == UNVISITED)
      ret = verify_func (obj, i, state, 0, err);
  free (state);
  return ret;
}

bool
bpfi_func_uses_helper (const struct bpfi_object *obj,
		       const struct bpfi_func *fn, enum bpfi_helper h)
{
  if (obj == NULL || fn == NULL || fn < obj->funcs
      || fn >= obj->funcs + obj->nfuncs)
    return false;
  /* Depth-first walk of the call graph with an explicit stack.  */
  uint8_t *seen = calloc (obj->nfuncs, 1);
  size_t *todo = malloc (obj->nfuncs * sizeof *todo);
  bool found = false;
  if (seen == NULL || todo == NULL)
    {
      free (seen);
      free (todo);
      return true;	/* be conservative */
    }
  size_t n = 0;
  todo[n++] = (size_t) (fn - obj->funcs);
  seen[todo[0]] = 1;
  while (n > 0 && !found)
    {
      const struct bpfi_func *f = &obj->funcs[todo[--n]];
      for (size_t i = 0; i < f->ninsns && !found; i++)
	{
	  const struct bpfi_insn_info *info = &f->info[i];
	  if ((f->verified && !(info->flags & BPFI_INSN_REACHABLE))
	      || (info->flags & BPFI_INSN_IMM64_HI))
	    continue;
	  if (info->kind == BPFI_RELOC_HELPER && info->index == (int) h)
	    found = true;
	  else if (info->kind == BPFI_RELOC_CALL && info->index >= 0
		   && (size_t) info->index < obj->nfuncs
		   && !seen[info->index])
	    {
	      seen[info->index] = 1;
	      todo[n++] = (size_t) info->index;
	    }
	}
    }
  free (seen);
  free (todo);
  return found;
}
