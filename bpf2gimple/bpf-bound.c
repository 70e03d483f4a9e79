/* bpf-bound.c - the verifier's pass 3: bound what one call of a function
   can run.

   The loops are the natural loops of the control-flow graph (a loop
   entered other than through its head has no bound).  For each loop,
   innermost first, a symbolic pass over one iteration expresses every
   register and stack slot as its value at the loop head plus a constant
   (or as unknown): a location whose value at each back edge is its value
   at the head plus a nonzero step S is an induction variable.  A
   conditional jump that leaves the loop, runs in every iteration and
   compares an induction variable (head value plus C) with a bound known
   from the dataflow analysis (a constant, or a register whose range is
   known) gives the number of iterations: with the induction variable's
   value on entry from the dataflow too, v_k = v_0 + C + k * S is checked
   against the bound without overflow.  A loop without such a test has no
   provable bound.

   The instructions one call runs are then at most the longest path
   through the blocks, each loop counting its iterations times the
   longest path through its body, each BPF-to-BPF call its callee's
   bound.  */

#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bpf-prog.h"
#include "bpf-verify.h"

#define NREGS BPFV_NREGS
#define NLOCS BPFV_NLOCS
#define UMAX UINT64_MAX
#define M32 ((uint64_t) 0xffffffff)

#define fail(err, f, insn, ...) \
  bpfi_error_set ((err), (f)->name, (insn), __VA_ARGS__)

typedef struct bpfv_val val;
typedef struct bpfv_state state;

static uint64_t
sat_add (uint64_t a, uint64_t b)
{
  uint64_t r;
  return __builtin_add_overflow (a, b, &r) ? UMAX : r;
}

static uint64_t
sat_mul (uint64_t a, uint64_t b)
{
  uint64_t r;
  return __builtin_mul_overflow (a, b, &r) ? UMAX : r;
}

/* ---------------------------------------------------------------------- */
/* Dominators and loops.  */

struct loop
{
  int header;			/* its head block */
  int parent;			/* the enclosing loop, or -1 */
  int depth;			/* 1 for an outermost loop */
  int *body;			/* its blocks (head included) in reverse
				   postorder */
  size_t nbody;
  uint64_t defs[2];		/* locations it writes: bit L of defs[L / 64] */
  uint64_t trips;		/* most runs of its head per entry */
  uint64_t cost;		/* most instructions per entry */
};

struct bounder
{
  const struct bpfi_object *obj;
  struct bpfi_func *f;
  const struct bpfv_cfg *g;
  const state *in;
  struct bpfi_error *err;
  int *idom;			/* per block */
  int *loop_of;			/* per block: its innermost loop, or -1 */
  struct loop *loops;		/* outer loops before inner ones */
  size_t nloops;
  int *mark;			/* per block: scratch stamp */
  uint64_t *bcost;		/* per block: instructions and callees */
};

static int
intersect (const struct bounder *bd, int a, int b)
{
  const int *num = bd->g->rpo_num;
  while (a != b)
    {
      while (num[a] > num[b])
	a = bd->idom[a];
      while (num[b] > num[a])
	b = bd->idom[b];
    }
  return a;
}

/* The dominator tree, by Cooper, Harvey and Kennedy's iteration.  */
static void
dominators (struct bounder *bd)
{
  const struct bpfv_cfg *g = bd->g;
  for (size_t b = 0; b < g->nb; b++)
    bd->idom[b] = -1;
  bd->idom[0] = 0;
  for (bool changed = true; changed;)
    {
      changed = false;
      for (size_t r = 1; r < g->nb; r++)
	{
	  int b = g->rpo[r], d = -1;
	  for (int k = g->pred_off[b]; k < g->pred_off[b + 1]; k++)
	    {
	      int p = g->pred[k];
	      if (bd->idom[p] < 0)
		continue;
	      d = d < 0 ? p : intersect (bd, p, d);
	    }
	  if (d != bd->idom[b])
	    {
	      bd->idom[b] = d;
	      changed = true;
	    }
	}
    }
}

/* Does block A dominate block B?  */
static bool
dominates (const struct bounder *bd, int a, int b)
{
  const int *num = bd->g->rpo_num;
  while (num[b] > num[a])
    b = bd->idom[b];
  return a == b;
}

/* Is block B in loop L (-1: the whole function)?  */
static bool
in_loop (const struct bounder *bd, int b, int l)
{
  if (l < 0)
    return true;
  for (int m = bd->loop_of[b]; m >= 0; m = bd->loops[m].parent)
    if (m == l)
      return true;
  return false;
}

/* The node block B belongs to in loop L's body (-1: the function's):
   -1 - C for a loop C directly inside L, else B itself.  */
static int
node_of (const struct bounder *bd, int b, int l)
{
  int m = bd->loop_of[b];
  if (m == l)
    return b;
  while (bd->loops[m].parent != l)
    m = bd->loops[m].parent;
  return -1 - m;
}

/* Sort the blocks BODY[0 .. N - 1] by their numbers NUM (reverse
   postorder).  */
static void
sort_rpo (int *body, size_t n, const int *num)
{
  for (size_t i = 1; i < n; i++)
    {
      int x = body[i];
      size_t j = i;
      for (; j > 0 && num[body[j - 1]] > num[x]; j--)
	body[j] = body[j - 1];
      body[j] = x;
    }
}

/* The locations instruction I writes, into DEFS.  */
static void
insn_defs (const struct bpfi_func *f, size_t i, uint64_t defs[2])
{
  const struct bpf_insn *insn = &f->insns[i];
  const struct bpfi_insn_info *info = &f->info[i];
  const struct bpfi_opcode *op = info->op;
#define DEF(l) (defs[(l) / 64] |= (uint64_t) 1 << ((l) % 64))
  if (op->operands & BPFI_OPND_DST_W)
    DEF (insn->dst_reg);
  if (op->operands & BPFI_OPND_SRC_W)
    DEF (insn->src_reg);
  if (op->operands & BPFI_OPND_R0_W)
    DEF (0);
  if (op->succ == BPFI_SUCC_CALL)
    for (int r = 0; r <= 5; r++)
      DEF (r);
  if ((op->operands & BPFI_OPND_MEM_DST) && (info->flags & BPFI_INSN_STACK))
    for (int k = 0; k < BPFV_NSLOTS; k++)
      {
	int64_t lo = -8 * (int64_t) (k + 1);
	if (lo < info->stack_off + op->width / 8 && info->stack_off < lo + 8)
	  DEF (NREGS + k);
      }
  /* A store at an offset in a range, or a callee writing through a
     stack pointer: any slot.  */
  bool any = (op->operands & BPFI_OPND_MEM_DST)
	     && (info->flags & BPFI_INSN_STACK_VAR);
  if (info->kind == BPFI_RELOC_CALL)
    for (int r = 1; r <= 5; r++)
      if (BPFI_CALL_ARG (info, r) == BPFI_CALL_ARG_STACK)
	any = true;
  if (any)
    for (int k = 0; k < BPFV_NSLOTS; k++)
      DEF (NREGS + k);
#undef DEF
}

/* Find the loops; refuse a cycle entered other than through its head.  */
static int
find_loops (struct bounder *bd)
{
  const struct bpfv_cfg *g = bd->g;
  size_t nb = g->nb;
  int *work = malloc (nb * sizeof *work);
  if (work == NULL)
    return fail (bd->err, bd->f, -1, "out of memory");
  for (size_t b = 0; b < nb; b++)
    {
      bd->loop_of[b] = -1;
      bd->mark[b] = -1;
    }
  int ret = 0;
  for (size_t r = 0; r < nb && ret == 0; r++)
    {
      int h = g->rpo[r];
      size_t nw = 0;
      bool back = false;
      bd->mark[h] = h;
      for (int k = g->pred_off[h]; k < g->pred_off[h + 1]; k++)
	{
	  int u = g->pred[k];
	  if (g->rpo_num[u] < g->rpo_num[h])
	    continue;
	  if (!dominates (bd, h, u))
	    {
	      /* A cycle entered at more than one place: name its first
		 instruction of the two.  */
	      size_t at = g->start[h] < g->start[u] ? g->start[h]
			  : g->start[u];
	      ret = fail (bd->err, bd->f, (long) at,
			  "loop without a provable bound");
	      break;
	    }
	  back = true;
	  if (bd->mark[u] != h)
	    {
	      bd->mark[u] = h;
	      work[nw++] = u;
	    }
	}
      if (ret || !back)
	continue;
      /* The body: the head, and what reaches a back edge without passing
	 through the head.  */
      struct loop *lp = &bd->loops[bd->nloops];
      memset (lp, 0, sizeof *lp);
      lp->header = h;
      lp->parent = bd->loop_of[h];
      lp->depth = lp->parent < 0 ? 1 : bd->loops[lp->parent].depth + 1;
      size_t cap = nw + 1, n = 0;
      lp->body = malloc (cap * sizeof *lp->body);
      if (lp->body == NULL)
	{
	  ret = fail (bd->err, bd->f, -1, "out of memory");
	  break;
	}
      lp->body[n++] = h;
      while (nw > 0)
	{
	  int u = work[--nw];
	  if (n == cap)
	    {
	      cap *= 2;
	      int *nbody = realloc (lp->body, cap * sizeof *nbody);
	      if (nbody == NULL)
		{
		  ret = fail (bd->err, bd->f, -1, "out of memory");
		  break;
		}
	      lp->body = nbody;
	    }
	  lp->body[n++] = u;
	  for (int k = g->pred_off[u]; k < g->pred_off[u + 1]; k++)
	    {
	      int p = g->pred[k];
	      if (bd->mark[p] != h)
		{
		  bd->mark[p] = h;
		  work[nw++] = p;
		}
	    }
	}
      lp->nbody = n;
      bd->nloops++;
      if (ret)
	break;
      sort_rpo (lp->body, n, g->rpo_num);
      for (size_t k = 0; k < n; k++)
	{
	  int b = lp->body[k];
	  bd->loop_of[b] = (int) (lp - bd->loops);
	  for (size_t i = g->start[b]; i < g->end[b]; i++)
	    if (!(bd->f->info[i].flags & BPFI_INSN_IMM64_HI))
	      insn_defs (bd->f, i, lp->defs);
	}
    }
  free (work);
  return ret;
}

/* ---------------------------------------------------------------------- */
/* One iteration, symbolically.  */

/* A location's value relative to the loop head: unknown, or FORM of its
   head value of location LOC plus C.  */
enum rel_kind { R_TOP = 0, R_REL };
enum rel_form
{
  F64,			/* head + C (mod 2^64) */
  FZ32,			/* zero-extended low32 (head) + C (mod 2^32) */
  FS32,			/* sign-extended low32 (head) + C (mod 2^32) */
  FSHL32		/* (low32 (head) + C) << 32 */
};

struct rel
{
  uint8_t kind, form, loc;
  uint64_t c;
};

struct relstate
{
  bool visited;
  struct rel v[NLOCS];
};

static struct rel
rel_top (void)
{
  struct rel r = { R_TOP, 0, 0, 0 };
  return r;
}

static struct rel
rel_in (struct rel r, int form, uint64_t c)
{
  if (r.kind != R_REL || r.form == FSHL32)
    return rel_top ();
  r.form = (uint8_t) form;
  r.c = c & (form == F64 ? UMAX : M32);
  return r;
}

static void
rel_merge (struct relstate *dst, const struct relstate *in)
{
  if (!dst->visited)
    {
      *dst = *in;
      dst->visited = true;
      return;
    }
  for (int l = 0; l < NLOCS; l++)
    {
      struct rel *a = &dst->v[l];
      const struct rel *b = &in->v[l];
      if (a->kind != b->kind || a->form != b->form || a->loc != b->loc
	  || a->c != b->c)
	*a = rel_top ();
    }
}

static bool
is_const (const val *v, uint64_t *c)
{
  if (v->kind != BPFV_SCALAR || v->base != 0 || v->lo != v->hi)
    return false;
  *c = v->lo;
  return true;
}

/* Apply instruction I to *R; G is the dataflow's state before it.  */
static void
rel_transfer (const struct bpfi_func *f, size_t i, struct relstate *r,
	      const state *g)
{
  const struct bpf_insn *insn = &f->insns[i];
  const struct bpfi_insn_info *info = &f->info[i];
  const struct bpfi_opcode *op = info->op;
  unsigned dst = insn->dst_reg, src = insn->src_reg;
  uint64_t defs[2] = { 0, 0 };

  if (op->lower == BPFI_LOWER_ALU)
    {
      int code = BPF_OP (insn->code);
      bool x = BPF_SRC (insn->code) == BPF_X && code != BPF_END;
      struct rel d = r->v[dst], res = rel_top ();
      uint64_t k;
      bool kconst = !x || is_const (&g->v[src], &k);
      if (!x)
	k = (uint64_t) (int64_t) insn->imm;
      if (code == BPF_MOV && x)
	{
	  if (op->sext == 0)
	    res = op->width == 64 ? r->v[src]
		  : rel_in (r->v[src], FZ32, r->v[src].c);
	  else if (op->width == 64 && op->sext == 32)
	    res = rel_in (r->v[src], FS32, r->v[src].c);
	}
      else if ((code == BPF_ADD || code == BPF_SUB) && kconst)
	{
	  if (code == BPF_SUB)
	    k = 0 - k;
	  if (op->width == 64 && d.kind == R_REL && d.form == F64)
	    res = rel_in (d, F64, d.c + k);
	  else if (op->width == 32)
	    res = rel_in (d, FZ32, d.c + k);
	}
      else if (op->width == 64 && !x && insn->imm == 32)
	{
	  if (code == BPF_LSH && d.kind == R_REL && d.form != FSHL32)
	    {
	      res = d;
	      res.form = FSHL32;
	      res.c &= M32;
	    }
	  else if ((code == BPF_RSH || code == BPF_ARSH) && d.kind == R_REL
		   && d.form == FSHL32)
	    res = rel_in ((struct rel) { R_REL, F64, d.loc, d.c },
			  code == BPF_RSH ? FZ32 : FS32, d.c);
	}
      r->v[dst] = res;
      return;
    }
  if (op->lower == BPFI_LOWER_LOAD && (info->flags & BPFI_INSN_STACK)
      && (op->width == 64 || op->width == 32) && op->sext == 0
      && info->stack_off % 8 == 0)
    {
      /* A slot, or its low half.  */
      struct rel v = r->v[NREGS + (-info->stack_off / 8 - 1)];
      r->v[dst] = op->width == 64 ? v : rel_in (v, FZ32, v.c);
      return;
    }
  if (op->lower == BPFI_LOWER_STORE && (info->flags & BPFI_INSN_STACK)
      && op->width == 64 && (op->operands & BPFI_OPND_SRC_R)
      && info->stack_off % 8 == 0)
    {
      r->v[NREGS + (-info->stack_off / 8 - 1)] = r->v[src];
      return;
    }
  insn_defs (f, i, defs);
  for (int l = 0; l < NLOCS; l++)
    if ((defs[l / 64] >> (l % 64)) & 1)
      r->v[l] = rel_top ();
}

/* ---------------------------------------------------------------------- */
/* Counting iterations.  */

/* What the loop's test keeps true while the loop goes on.  */
enum rel_op { OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE, OP_NONE };

static uint64_t
ceil_div (uint64_t a, uint64_t b)
{
  return a / b + (a % b != 0);
}

/* The iteration (counted from 0) at which the loop stops at the latest,
   when in iteration K its test finds v_K = v_0 + K * S (mod 2^W), v_0 in
   [A, B], against a bound in [KL, KH] (all as keys: unsigned numbers in
   the comparison's order) and goes on while v_K OP bound.  INV: the bound
   is the same in every iteration.  UMAX: no bound follows.  */
static uint64_t
stop_iteration (int w, uint64_t a, uint64_t b, uint64_t s, enum rel_op op,
		uint64_t kl, uint64_t kh, bool inv)
{
  uint64_t m = bpfv_mask (w), half = (uint64_t) 1 << (w - 1);
  bool up = s != 0 && s < half, down = s >= half;
  uint64_t t = (m - s + 1) & m;	/* the step down */
  if (kl == 0 && kh == m)
    return UMAX;		/* nothing known of the bound */
  switch (op)
    {
    case OP_LE:
      if (kh == m)
	return UMAX;
      kl++;
      kh++;
      /* Fall through.  */
    case OP_LT:
      if (!up)
	return UMAX;
      if (kh == 0 || a >= kh)
	return 0;
      if (s > m - (kh - 1))
	return UMAX;		/* the step would wrap past the bound */
      return ceil_div (kh - a, s);
    case OP_GE:
      if (kl == 0)
	return UMAX;
      kl--;
      kh--;
      /* Fall through.  */
    case OP_GT:
      if (!down)
	return UMAX;
      if (kl == m || b <= kl)
	return 0;
      if (kl + 1 < t)
	return UMAX;
      return ceil_div (b - kl, t);
    case OP_EQ:
      return inv ? 1 : UMAX;
    case OP_NE:
      {
	if (!inv || (!up && !down))
	  return UMAX;
	uint64_t spread = b - a, step = up ? s : t;
	if (kh - kl > m - spread)
	  return UMAX;
	spread += kh - kl;
	uint64_t dlo = up ? (kl - b) & m : (a - kh) & m;
	if (dlo > m - spread)
	  return UMAX;		/* the distance to the bound may wrap */
	if (step == 1)
	  return dlo + spread;
	if (spread == 0 && dlo % step == 0)
	  return dlo / step;
	return UMAX;
      }
    default:
      return UMAX;
    }
}

/* The range of the low W bits of V: false when V is not a number.  */
static bool
low_range (const val *v, int w, uint64_t *lo, uint64_t *hi)
{
  if (v->kind != BPFV_SCALAR || v->base != 0)
    return false;
  bpfv_low_range (v, w, lo, hi);
  return true;
}

/* [*LO, *HI] (W bits) plus C, or the whole range when that wraps.  */
static void
shift_range (int w, uint64_t c, uint64_t *lo, uint64_t *hi)
{
  uint64_t m = bpfv_mask (w), spread = *hi - *lo, nl = (*lo + c) & m;
  if (nl > m - spread)
    {
      *lo = 0;
      *hi = m;
    }
  else
    {
      *lo = nl;
      *hi = nl + spread;
    }
}

/* [*LO, *HI] (W bits) as keys of a signed comparison.  */
static void
signed_keys (int w, uint64_t *lo, uint64_t *hi)
{
  uint64_t half = (uint64_t) 1 << (w - 1);
  if (*hi < half)
    {
      *lo += half;
      *hi += half;
    }
  else if (*lo >= half)
    {
      *lo -= half;
      *hi -= half;
    }
  else
    {
      *lo = 0;
      *hi = bpfv_mask (w);
    }
}

/* One side of a loop test.  */
struct side
{
  struct rel rel;		/* relative to the loop head */
  val range;			/* from the dataflow analysis */
  bool imm;			/* an immediate (RANGE is exact) */
};

struct ivinfo
{
  int form;			/* of its value at the back edges */
  uint64_t step;
  val init;			/* on entry to the loop */
};

/* The iterations at which a test stops the loop at the latest: IV (a
   location's head value plus a constant, of induction variable IVI)
   compared by CODE (BPF_OP, of width CW) with BOUND, the loop going on
   while the comparison holds.  UMAX: no bound.  */
static uint64_t
test_bound (int code, int cw, const struct side *iv, const struct ivinfo *ivi,
	    const struct side *bound, bool bound_inv, const uint64_t *dist)
{
  enum rel_op op;
  bool sg = false;
  switch (code)
    {
    case BPF_JEQ: op = OP_EQ; break;
    case BPF_JNE: op = OP_NE; break;
    case BPF_JGT: op = OP_GT; break;
    case BPF_JGE: op = OP_GE; break;
    case BPF_JLT: op = OP_LT; break;
    case BPF_JLE: op = OP_LE; break;
    case BPF_JSGT: op = OP_GT; sg = true; break;
    case BPF_JSGE: op = OP_GE; sg = true; break;
    case BPF_JSLT: op = OP_LT; sg = true; break;
    case BPF_JSLE: op = OP_LE; sg = true; break;
    default: return UMAX;
    }
  int tf = iv->rel.form, lf = ivi->form;
  uint64_t c = iv->rel.c;
  const val *init = &ivi->init, *k = &bound->range;
  uint64_t a, b, kl, kh, s;
  int w;

  if (dist != NULL && (op == OP_NE || op == OP_EQ)
      && (cw == 32 || (tf == F64 && lf == F64)))
    {
      /* The bound is the induction variable's value on entry plus
	 *DIST: count from 0.  */
      uint64_t m = bpfv_mask (cw);
      return stop_iteration (cw, c & m, c & m, ivi->step & m, op, *dist & m,
			     *dist & m, true);
    }
  if (init->kind == BPFV_STACK && k->kind == BPFV_STACK)
    {
      /* Pointers into the frame: compare their offsets, as keys of a
	 signed comparison (the addresses' order).  */
      uint64_t half = (uint64_t) 1 << 63;
      if (cw != 64 || sg || tf != F64 || lf != F64 || init->lo != init->hi)
	return UMAX;
      return stop_iteration (64, init->lo + c + half, init->lo + c + half,
			     ivi->step, op, k->lo + half, k->hi + half,
			     bound_inv);
    }
  if (k->kind != BPFV_SCALAR || init->kind != BPFV_SCALAR)
    return UMAX;
  if (init->base != 0 || k->base != 0)
    {
      /* Addresses in one object: compare their offsets.  */
      if (init->base != k->base || cw != 64 || sg || tf != F64 || lf != F64
	  || init->lo != init->hi || k->lo > k->hi)
	return UMAX;
      return stop_iteration (64, init->lo + c, init->lo + c, ivi->step, op,
			     k->lo, k->hi, bound_inv);
    }
  if (cw == 32)
    {
      /* The low halves: low32 (head) + C + K * S whatever the forms.  */
      if (tf == FSHL32 || !low_range (init, 32, &a, &b)
	  || !low_range (k, 32, &kl, &kh))
	return UMAX;
      w = 32;
      s = ivi->step & M32;
      c &= M32;
    }
  else if (tf == F64 && lf == F64)
    {
      w = 64;
      a = init->lo;
      b = init->hi;
      kl = k->lo;
      kh = k->hi;
      s = ivi->step;
    }
  else
    {
      /* A 32-bit induction variable extended to 64 bits, compared as
	 such: the head value counts too when it is small.  */
      if (tf == F64 && (lf == FZ32 || lf == FS32) && c == 0
	  && init->hi < ((uint64_t) 1 << 31))
	tf = lf;
      if (tf == FZ32)
	{
	  if (k->hi > M32)
	    return UMAX;
	  sg = false;
	}
      else if (tf == FS32)
	{
	  uint64_t neg = UMAX - ((uint64_t) 1 << 31) + 1;
	  if (!sg || !((k->hi < ((uint64_t) 1 << 31)) || k->lo >= neg))
	    return UMAX;
	}
      else
	return UMAX;
      if (!low_range (init, 32, &a, &b) || !low_range (k, 32, &kl, &kh))
	return UMAX;
      w = 32;
      s = ivi->step & M32;
      c &= M32;
    }
  if (s == 0)
    return UMAX;
  shift_range (w, c, &a, &b);
  if (sg)
    {
      signed_keys (w, &a, &b);
      signed_keys (w, &kl, &kh);
    }
  return stop_iteration (w, a, b, s, op, kl, kh, bound_inv);
}

static int
negate_jump (int code)
{
  switch (code)
    {
    case BPF_JEQ: return BPF_JNE;
    case BPF_JNE: return BPF_JEQ;
    case BPF_JGT: return BPF_JLE;
    case BPF_JGE: return BPF_JLT;
    case BPF_JLT: return BPF_JGE;
    case BPF_JLE: return BPF_JGT;
    case BPF_JSGT: return BPF_JSLE;
    case BPF_JSGE: return BPF_JSLT;
    case BPF_JSLT: return BPF_JSGE;
    case BPF_JSLE: return BPF_JSGT;
    default: return -1;
    }
}

/* Are A and B both known as one value plus a constant, a value made
   outside loop L (so the same in all its iterations)?  Then *D is B - A
   (mod 2^64).  */
static bool
distance (const struct bounder *bd, int l, const val *a, const val *b,
	  uint64_t *d)
{
  if (a->kind != BPFV_SCALAR || b->kind != BPFV_SCALAR)
    return false;
  uint32_t ia[2] = { a->id, a->rid }, ib[2] = { b->id, b->rid };
  uint64_t oa[2] = { 0, a->roff }, ob[2] = { 0, b->roff };
  for (int x = 0; x < 2; x++)
    for (int y = 0; y < 2; y++)
      if (ia[x] != 0 && ia[x] == ib[y])
	{
	  /* An argument's value on entry, or one an instruction outside
	     the loop made.  */
	  size_t i = ia[x] - 1;
	  if (i < bd->f->ninsns
	      && (bd->g->block_of[i] < 0 || in_loop (bd, bd->g->block_of[i], l)))
	    continue;
	  *d = ob[y] - oa[x];
	  return true;
	}
  return false;
}

/* A conditional jump ending a block of the loop, with both sides.  */
struct test
{
  int block;
  struct side side[2];		/* dst, then src or the immediate */
};

/* The union of two values (for the entries of a loop).  */
static void
val_union (val *a, const val *b, bool *first)
{
  if (*first)
    {
      *a = *b;
      *first = false;
      return;
    }
  if (a->kind == BPFV_STACK && b->kind == BPFV_STACK)
    {
      /* Offsets.  */
      if ((int64_t) b->lo < (int64_t) a->lo)
	a->lo = b->lo;
      if ((int64_t) b->hi > (int64_t) a->hi)
	a->hi = b->hi;
      return;
    }
  if (a->kind != BPFV_SCALAR || b->kind != BPFV_SCALAR)
    {
      *a = bpfv_conflict ();
      return;
    }
  if (a->id != b->id)
    a->id = 0;
  if (a->rid != b->rid || a->roff != b->roff)
    a->rid = 0;
  if (a->xkind != b->xkind || a->xid != b->xid)
    a->xkind = BPFV_X_NONE, a->xid = 0;
  if (a->base != b->base)
    {
      *a = bpfv_range (0, UMAX);
      return;
    }
  if (a->base != 0)
    {
      if ((int64_t) b->lo < (int64_t) a->lo)
	a->lo = b->lo;
      if ((int64_t) b->hi > (int64_t) a->hi)
	a->hi = b->hi;
      return;
    }
  if (a->pmask != b->pmask)
    a->pmask |= b->pmask | BPFV_PMASK_OTHER;
  else
    {
      if (b->plo < a->plo)
	a->plo = b->plo;
      if (b->phi > a->phi)
	a->phi = b->phi;
    }
  if (b->lo < a->lo)
    a->lo = b->lo;
  if (b->hi > a->hi)
    a->hi = b->hi;
  if (b->lo32 < a->lo32)
    a->lo32 = b->lo32;
  if (b->hi32 > a->hi32)
    a->hi32 = b->hi32;
}

/* The dataflow's state after block B, along its successor edge K; false
   when that edge is never taken.  */
static bool
edge_state (const struct bounder *bd, int b, int k, state *s)
{
  const struct bpfv_cfg *g = bd->g;
  if (!bd->in[b].visited)
    return false;
  *s = bd->in[b];
  for (size_t i = g->start[b]; i < g->end[b]; i++)
    if (!(bd->f->info[i].flags & BPFI_INSN_IMM64_HI))
      bpfv_transfer (bd->obj, bd->f, i, s);
  return bpfv_edge (bd->f, g->last[b], k, s);
}

/* The most runs of loop L's head per entry into it, from its tests; UMAX
   when none bounds it.  IV (or NULL) receives the loop's induction
   variables.  */
static int
loop_trips (struct bounder *bd, int l, uint64_t *trips,
	    struct bpfv_loop_iv *iv)
{
  const struct bpfv_cfg *g = bd->g;
  const struct bpfi_func *f = bd->f;
  struct loop *lp = &bd->loops[l];
  int h = lp->header, ret = 0;
  size_t n = lp->nbody;
  struct relstate *rin = calloc (n, sizeof *rin);
  struct relstate *rout = calloc (n, sizeof *rout);
  struct relstate *cur = malloc (sizeof *cur), latch;
  struct test *tests = malloc (n * sizeof *tests);
  state *gs = malloc (sizeof *gs);
  size_t ntests = 0;
  *trips = UMAX;
  if (!rin || !rout || !cur || !tests || !gs)
    {
      ret = fail (bd->err, bd->f, -1, "out of memory");
      goto out;
    }
  if (!bd->in[h].visited)
    {
      /* A loop that never runs.  */
      *trips = 1;
      goto out;
    }
  /* Index of each body block in BODY, through MARK.  */
  for (size_t k = 0; k < n; k++)
    bd->mark[lp->body[k]] = (int) k;

  memset (&latch, 0, sizeof latch);
  for (size_t k = 0; k < n; k++)
    {
      int b = lp->body[k];
      int node = node_of (bd, b, l);
      if (node < 0 && bd->loops[-1 - node].header != b)
	continue;		/* inside an inner loop: done at its head */
      struct relstate *in = &rin[k];
      if (b == h)
	{
	  in->visited = true;
	  for (int loc = 0; loc < NLOCS; loc++)
	    in->v[loc] = (struct rel) { R_REL, F64, (uint8_t) loc, 0 };
	}
      else
	for (int j = g->pred_off[b]; j < g->pred_off[b + 1]; j++)
	  {
	    int p = g->pred[j];
	    if (node < 0 && in_loop (bd, p, -1 - node))
	      continue;		/* a back edge of the inner loop */
	    if (!bd->in[p].visited)
	      continue;		/* never runs */
	    int pn = node_of (bd, p, l);
	    int pb = pn < 0 ? bd->loops[-1 - pn].header : p;
	    rel_merge (in, &rout[bd->mark[pb]]);
	  }
      rout[k] = *in;
      if (node < 0)
	{
	  /* An inner loop: what it writes is unknown after it.  */
	  const struct loop *c = &bd->loops[-1 - node];
	  for (int loc = 0; loc < NLOCS; loc++)
	    if ((c->defs[loc / 64] >> (loc % 64)) & 1)
	      rout[k].v[loc] = rel_top ();
	  continue;
	}
      *cur = *in;
      *gs = bd->in[b];
      for (size_t i = g->start[b]; i < g->end[b]; i++)
	{
	  if (f->info[i].flags & BPFI_INSN_IMM64_HI)
	    continue;
	  if (i == g->last[b] && f->info[i].op->succ == BPFI_SUCC_COND
	      && gs->visited)
	    {
	      const struct bpf_insn *insn = &f->insns[i];
	      struct test *t = &tests[ntests++];
	      t->block = b;
	      t->side[0].rel = cur->v[insn->dst_reg];
	      t->side[0].range = gs->v[insn->dst_reg];
	      t->side[0].imm = false;
	      if (BPF_SRC (insn->code) == BPF_X)
		{
		  t->side[1].rel = cur->v[insn->src_reg];
		  t->side[1].range = gs->v[insn->src_reg];
		  t->side[1].imm = false;
		}
	      else
		{
		  uint64_t c = f->info[i].op->width == 64
			       ? (uint64_t) (int64_t) insn->imm
			       : (uint32_t) insn->imm;
		  t->side[1].rel = rel_top ();
		  t->side[1].range = bpfv_range (c, c);
		  t->side[1].imm = true;
		}
	    }
	  rel_transfer (f, i, cur, gs);
	  bpfv_transfer (bd->obj, f, i, gs);
	}
      rout[k] = *cur;
    }

  /* The back edges, and what each location becomes along them.  */
  int *latches = malloc ((size_t) (g->pred_off[h + 1] - g->pred_off[h] + 1)
			 * sizeof *latches);
  size_t nlatch = 0;
  if (latches == NULL)
    {
      ret = fail (bd->err, bd->f, -1, "out of memory");
      goto out;
    }
  for (int j = g->pred_off[h]; j < g->pred_off[h + 1]; j++)
    {
      int p = g->pred[j];
      if (!in_loop (bd, p, l))
	continue;
      latches[nlatch++] = p;
      int pn = node_of (bd, p, l);
      int pb = pn < 0 ? bd->loops[-1 - pn].header : p;
      rel_merge (&latch, &rout[bd->mark[pb]]);
    }

  /* The values on entry.  */
  state *entry = malloc (sizeof *entry), *es = malloc (sizeof *es);
  if (entry == NULL || es == NULL)
    {
      free (entry);
      free (es);
      free (latches);
      ret = fail (bd->err, bd->f, -1, "out of memory");
      goto out;
    }
  /* Entered from the function's start (a loop at its first block),
     nothing is known.  */
  bool firsts[NLOCS];
  memset (entry, 0, sizeof *entry);
  for (int loc = 0; loc < NLOCS; loc++)
    {
      entry->v[loc] = bpfv_conflict ();
      firsts[loc] = h != 0;
    }
  for (int j = g->pred_off[h]; j < g->pred_off[h + 1]; j++)
    {
      int p = g->pred[j];
      if (in_loop (bd, p, l))
	continue;
      for (int k = 0; k < g->nsucc[p]; k++)
	if (g->succ[2 * p + k] == h && edge_state (bd, p, k, es))
	  for (int loc = 0; loc < NLOCS; loc++)
	    val_union (&entry->v[loc], &es->v[loc], &firsts[loc]);
    }

  /* Each test that leaves the loop and runs in every iteration.  */
  for (size_t k = 0; k < ntests; k++)
    {
      const struct test *t = &tests[k];
      int b = t->block;
      size_t last = g->last[b];
      const struct bpf_insn *insn = &f->insns[last];
      bool stay0 = in_loop (bd, g->succ[2 * b], l);
      bool stay1 = in_loop (bd, g->succ[2 * b + 1], l);
      if (stay0 == stay1)
	continue;
      bool every = true;
      for (size_t j = 0; j < nlatch && every; j++)
	every = dominates (bd, b, latches[j]);
      if (!every)
	continue;
      int code = BPF_OP (insn->code);
      if (!stay0)
	code = negate_jump (code);
      if (code < 0)
	continue;
      for (int side = 0; side < 2; side++)
	{
	  const struct side *iv = &t->side[side], *bound = &t->side[1 - side];
	  if (iv->rel.kind != R_REL)
	    continue;
	  const struct rel *lv = &latch.v[iv->rel.loc];
	  if (lv->kind != R_REL || lv->loc != iv->rel.loc
	      || (lv->form == F64 && lv->c == 0))
	    continue;
	  struct ivinfo ivi = { lv->form, lv->c, entry->v[iv->rel.loc] };
	  /* The bound is the same in every iteration when it is a constant
	     or a location the loop does not change.  */
	  uint64_t cst;
	  bool inv = bound->imm || is_const (&bound->range, &cst);
	  if (!inv && bound->rel.kind == R_REL)
	    {
	      const struct rel *bl = &latch.v[bound->rel.loc];
	      inv = bl->kind == R_REL && bl->loc == bound->rel.loc
		    && bl->form == F64 && bl->c == 0;
	    }
	  uint64_t d;
	  bool rel = distance (bd, l, &ivi.init, &bound->range, &d);
	  uint64_t m = test_bound (side == 0 ? code : bpfv_mirror_jump (code),
				   f->info[last].op->width, iv, &ivi, bound,
				   inv, rel ? &d : NULL);
	  if (m != UMAX && sat_add (m, 1) < *trips)
	    *trips = sat_add (m, 1);
	}
    }
  if (iv != NULL && latch.visited)
    for (int loc = 0; loc < NLOCS; loc++)
      {
	const struct rel *lv = &latch.v[loc];
	if (lv->kind != R_REL || lv->loc != loc
	    || !((lv->form == F64 && lv->c != 0)
		 || (lv->form == FZ32 && (lv->c & M32) != 0)))
	  continue;
	iv->step[loc] = lv->c;
	iv->zext32[loc] = lv->form == FZ32;
	iv->entry[loc] = entry->v[loc];
      }
  free (entry);
  free (es);
  free (latches);
out:
  free (rin);
  free (rout);
  free (cur);
  free (tests);
  free (gs);
  return ret;
}

/* ---------------------------------------------------------------------- */
/* Longest paths.  */

/* The most instructions from the head of loop L (-1: the function's
   entry) to the end of one iteration (of the call).  */
static uint64_t
longest_path (struct bounder *bd, int l)
{
  const struct bpfv_cfg *g = bd->g;
  size_t nb = g->nb;
  uint64_t best = 0;
  /* DIST holds, per node block, the longest path before it, then after
     it.  Blocks outside the region are left alone.  */
  uint64_t *dist = calloc (nb, sizeof *dist);
  if (dist == NULL)
    return UMAX;
  for (size_t r = 0; r < nb; r++)
    {
      int b = g->rpo[r];
      if (!in_loop (bd, b, l))
	continue;
      int node = node_of (bd, b, l);
      if (node < 0 && bd->loops[-1 - node].header != b)
	continue;
      uint64_t before = 0;
      if (l < 0 ? b != 0 : b != bd->loops[l].header)
	for (int j = g->pred_off[b]; j < g->pred_off[b + 1]; j++)
	  {
	    int p = g->pred[j];
	    if (!in_loop (bd, p, l)
		|| (node < 0 && in_loop (bd, p, -1 - node)))
	      continue;
	    int pn = node_of (bd, p, l);
	    int pb = pn < 0 ? bd->loops[-1 - pn].header : p;
	    if (dist[pb] > before)
	      before = dist[pb];
	  }
      uint64_t cost = node < 0 ? bd->loops[-1 - node].cost : bd->bcost[b];
      dist[b] = sat_add (before, cost);
      if (dist[b] > best)
	best = dist[b];
    }
  free (dist);
  return best;
}

int
bpfv_bound (const struct bpfi_object *obj, struct bpfi_func *f,
	    const struct bpfv_cfg *g, const struct bpfv_state *in,
	    struct bpfv_loop_iv **ivs, size_t *nivs, struct bpfi_error *err)
{
  struct bounder bd;
  size_t nb = g->nb;
  memset (&bd, 0, sizeof bd);
  bd.obj = obj;
  bd.f = f;
  bd.g = g;
  bd.in = in;
  bd.err = err;
  bd.idom = malloc (nb * sizeof *bd.idom);
  bd.loop_of = malloc (nb * sizeof *bd.loop_of);
  bd.loops = malloc (nb * sizeof *bd.loops);
  bd.mark = malloc (nb * sizeof *bd.mark);
  bd.bcost = malloc (nb * sizeof *bd.bcost);
  int ret = 0;
  if (!bd.idom || !bd.loop_of || !bd.loops || !bd.mark || !bd.bcost)
    {
      ret = fail (err, f, -1, "out of memory");
      goto out;
    }

  /* Each block's own cost: its instructions, and its callees'.  */
  for (size_t b = 0; b < nb; b++)
    {
      uint64_t c = 0;
      for (size_t i = g->start[b]; i < g->end[b]; i++)
	{
	  const struct bpfi_insn_info *info = &f->info[i];
	  if (info->flags & BPFI_INSN_IMM64_HI)
	    continue;
	  c = sat_add (c, 1);
	  if (info->kind == BPFI_RELOC_CALL)
	    c = sat_add (c, obj->funcs[info->index].max_insns);
	}
      bd.bcost[b] = c;
    }

  dominators (&bd);
  ret = find_loops (&bd);
  if (ret)
    goto out;
  if (ivs != NULL)
    {
      *nivs = bd.nloops;
      *ivs = calloc (bd.nloops ? bd.nloops : 1, sizeof **ivs);
      if (*ivs == NULL)
	{
	  ret = fail (err, f, -1, "out of memory");
	  goto out;
	}
    }
  /* Inner loops first.  */
  for (size_t k = bd.nloops; k-- > 0;)
    {
      struct loop *lp = &bd.loops[k];
      struct bpfv_loop_iv *iv = ivs ? &(*ivs)[k] : NULL;
      if (iv != NULL)
	{
	  iv->head = lp->header;
	  iv->trips = UMAX;
	}
      ret = loop_trips (&bd, (int) k, &lp->trips, iv);
      if (iv != NULL)
	iv->trips = lp->trips;
      if (ret)
	goto out;
      if (lp->trips == UMAX)
	{
	  ret = fail (err, f, (long) g->start[lp->header],
		      "loop without a provable bound");
	  goto out;
	}
      lp->cost = sat_mul (lp->trips, longest_path (&bd, (int) k));
    }
  f->max_insns = longest_path (&bd, -1);

  if (f->max_insns > BPFI_MAX_INSNS)
    {
      /* Blame the innermost loop that is too long alone, else the
	 function.  */
      long at = -1;
      int depth = 0;
      for (size_t k = 0; k < bd.nloops; k++)
	if (bd.loops[k].cost > BPFI_MAX_INSNS && bd.loops[k].depth > depth)
	  {
	    depth = bd.loops[k].depth;
	    at = (long) g->start[bd.loops[k].header];
	  }
      if (at < 0)
	at = 0;
      bool hook = f->global && strncmp (f->name, "inst_", 5) == 0;
      ret = fail (err, f, at, "%s may run more than %d instructions "
		  "(bound %llu)", hook ? "hook" : "function",
		  BPFI_MAX_INSNS, (unsigned long long) f->max_insns);
    }

out:
  for (size_t k = 0; k < bd.nloops; k++)
    free (bd.loops[k].body);
  free (bd.idom);
  free (bd.loop_of);
  free (bd.loops);
  free (bd.mark);
  free (bd.bcost);
  return ret;
}
