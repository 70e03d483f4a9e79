/* emit-insn.cc - the lowering of each BPF opcode class but jumps and
   calls (emit-cfg.cc): ALU operations, loads, stores, atomics and 64-bit
   immediates, and the BPF stack they may address.

   Arithmetic follows BPF's rules, not C's: it wraps, x / 0 == 0,
   x % 0 == x, shift counts are masked, 32-bit operations zero-extend
   their result.  The BPF stack is a local array of the instrumented
   function; each inlined BPF-to-BPF call gets the next frame of it.  A
   pointer into it (R10 included) is a position in the array, so that a
   callee can reach its caller's frame through the pointer it receives.
   Accessed at constant positions only, the array is one that SRA and
   FRE scalarize away; a hook instance that may access it at a variable
   position gets an addressable one.  Loads and stores of program memory
   use the target's byte order.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "ssa.h"
#include "fold-const.h"
#include "stor-layout.h"
#include "gimple-iterator.h"
#include "gimple-fold.h"
#include "builtins.h"
#include "memmodel.h"

#include "bpf-emit.h"
#include "emit-int.h"

/* ---------------------------------------------------------------------- */
/* The stack.  */

/* The size of FN's own frame.  */
uint32_t
frame_size (const struct bpfi_func *fn)
{
  return (fn->stack_depth + 7) & ~7u;
}

/* Bytes of stack an instance of FN needs, its callees' frames included.  */
uint32_t
stack_need (const struct bpfi_func *fn)
{
  uint32_t callee = 0;
  for (size_t i = 0; i < fn->ninsns; i++)
    if (fn->info[i].kind == BPFI_RELOC_CALL
	&& (fn->info[i].flags & BPFI_INSN_REACHABLE))
      {
	uint32_t n = stack_need (&emit_obj->funcs[fn->info[i].index]);
	if (n > callee)
	  callee = n;
      }
  return frame_size (fn) + callee;
}

/* The position of F's R10 in the stack array: the top of its frame.  */
uint32_t
frame_top (const frame *f)
{
  return f->stack_base + frame_size (f->fn);
}

/* A reference of TYPE to byte OFF (from R10) of F's stack frame.  */
tree
stack_ref (frame *f, tree type, HOST_WIDE_INT off)
{
  tree alias = build_pointer_type_for_mode (char_type_node, ptr_mode, true);
  /* R10 points at the top of the frame; OFF is negative.  */
  return build2 (MEM_REF, type, build_fold_addr_expr (f->ctx->stack),
		 build_int_cst (alias, frame_top (f) + off));
}

/* A reference of TYPE to the stack array at position POS (a register's
   value) plus OFF: a constant position when POS is one, else through a
   pointer, which makes the array addressable.  */
static tree
stack_pos_ref (frame *f, tree type, tree pos, HOST_WIDE_INT off)
{
  tree alias = build_pointer_type_for_mode (char_type_node, ptr_mode, true);
  tree stack = f->ctx->stack;
  if (TREE_CODE (pos) == INTEGER_CST)
    return build2 (MEM_REF, build_aligned_type (type, BITS_PER_UNIT),
		   build_fold_addr_expr (stack),
		   build_int_cst (alias, (HOST_WIDE_INT) tree_to_uhwi (pos)
					 + off));
  TREE_ADDRESSABLE (stack) = 1;
  tree ptype = build_pointer_type (char_type_node);
  tree p = build_op (f, POINTER_PLUS_EXPR, ptype,
		     build_fold_addr_expr_with_type (stack, ptype),
		     convert_to (f, sizetype, pos));
  return build2 (MEM_REF, build_aligned_type (type, BITS_PER_UNIT), p,
		 build_int_cst (alias, off));
}

/* The value of register RV as a pointer, for a memory access.  */
static tree
reg_to_pointer (frame *f, const reg_val &rv)
{
  tree ptype = build_pointer_type (char_type_node);
  tree v = rv.val ? rv.val : u64_cst (0);
  if (TYPE_PRECISION (ptype) < 64)
    v = convert_to (f, int_type (TYPE_PRECISION (ptype), 1), v);
  return convert_to (f, ptype, v);
}

/* A reference of TYPE to program memory at RV + OFF.  */
tree
mem_ref (frame *f, tree type, const reg_val &rv, HOST_WIDE_INT off)
{
  tree alias = build_pointer_type_for_mode (char_type_node, ptr_mode, true);
  tree utype = build_aligned_type (type, BITS_PER_UNIT);
  tree ref;
  if (rv.addr)
    ref = build2 (MEM_REF, utype, rv.addr,
		  build_int_cst (alias, rv.off + off));
  else
    ref = build2 (MEM_REF, utype, reg_to_pointer (f, rv),
		  build_int_cst (alias, off));
  /* A hook may read memory the program has not written yet (inst_store
     looking at the bytes about to be overwritten): that is no use of an
     uninitialized variable of the program's, so no -Wuninitialized.  */
  suppress_warning (ref);
  return ref;
}

/* The memory operand of a load or store: the stack or program memory.  */
static tree
access_ref (frame *f, const reg_state *s, tree type, int reg,
	    const struct bpf_insn *insn, const struct bpfi_insn_info *info)
{
  if (info->flags & BPFI_INSN_STACK)
    return stack_ref (f, type, info->stack_off);
  if ((info->flags & BPFI_INSN_STACK_VAR)
      || ((info->flags & BPFI_INSN_ARGPTR)
	  && (f->stack_args & (1u << info->ptr_arg))))
    return stack_pos_ref (f, type, get_reg (s, reg), insn->off);
  return mem_ref (f, type, s->r[reg], insn->off);
}

/* ---------------------------------------------------------------------- */
/* ALU.  */

static tree
size_type (unsigned bpf_size)
{
  switch (bpf_size)
    {
    case BPF_B: return int_type (8, 1);
    case BPF_H: return int_type (16, 1);
    case BPF_W: return int_type (32, 1);
    default: return int_type (64, 1);
    }
}

/* Call a builtin FN on ARG converted to its parameter type; the result
   zero-extended to 64 bits.  */
tree
emit_builtin1 (frame *f, enum built_in_function fn, tree arg)
{
  tree decl = builtin_decl_explicit (fn);
  tree ptype = TREE_VALUE (TYPE_ARG_TYPES (TREE_TYPE (decl)));
  tree rtype = TREE_TYPE (TREE_TYPE (decl));
  tree a = convert_to (f, ptype, arg);
  tree res = make_ssa_name (rtype);
  gcall *call = gimple_build_call (decl, 1, a);
  gimple_call_set_lhs (call, res);
  add_stmt (f, call);
  return operand_to_u64 (f, res);
}

/* Division and remainder by the BPF rules: x / 0 == 0, x % 0 == x.  */
static tree
emit_divmod (frame *f, bool mod, tree type, tree x, tree y)
{
  tree zero = build_zero_cst (type);
  if (TREE_CODE (y) == INTEGER_CST)
    {
      if (integer_zerop (y))
	return mod ? x : zero;
      return build_op (f, mod ? TRUNC_MOD_EXPR : TRUNC_DIV_EXPR, type, x, y);
    }
  tree is0 = build_op (f, EQ_EXPR, boolean_type_node, y, zero);
  tree d = gimple_build (&f->seq, f->loc, COND_EXPR, type, is0,
			 build_one_cst (type), y);
  tree q = build_op (f, mod ? TRUNC_MOD_EXPR : TRUNC_DIV_EXPR, type, x, d);
  return gimple_build (&f->seq, f->loc, COND_EXPR, type, is0,
		       mod ? x : zero, q);
}

/* Signed 64-bit division or remainder (bpf-gcc's __divdi3, __moddi3),
   without the traps of division by zero and of INT64_MIN / -1.  */
tree
emit_sdivmod (frame *f, bool mod, tree x, tree y)
{
  tree u64 = bpfi_u64_type;
  tree st = int_type (64, 0);
  tree sx = convert_to (f, st, x);
  tree sy = convert_to (f, st, y);
  /* y + 1 <= 1: y is 0 or -1.  */
  tree bad = build_op (f, LE_EXPR, boolean_type_node,
		       build_op (f, PLUS_EXPR, u64, y, u64_cst (1)),
		       u64_cst (1));
  tree d = gimple_build (&f->seq, f->loc, COND_EXPR, st, bad,
			 build_one_cst (st), sy);
  tree q = build_op (f, mod ? TRUNC_MOD_EXPR : TRUNC_DIV_EXPR, st, sx, d);
  /* y == 0: 0 (div) or x (mod); y == -1: -x (div) or 0 (mod).  */
  tree is0 = build_op (f, EQ_EXPR, boolean_type_node, y, u64_cst (0));
  tree alt0 = gimple_build (&f->seq, f->loc, COND_EXPR, u64, is0,
			    mod ? x : u64_cst (0),
			    mod ? u64_cst (0)
				: build_op (f, NEGATE_EXPR, u64, x));
  return gimple_build (&f->seq, f->loc, COND_EXPR, u64, bad, alt0,
		       convert_to (f, u64, q));
}

/* DST += SRC or DST -= SRC (SUB), 64 bits, whose value is RES: when one
   side is a known address (of instrumenter data, a native variable) or
   a pointer derived from one, keep the result a pointer that GCC can see
   the object of: the address plus a constant, or a pointer plus the
   other side.  Memory accesses through it then name the object (a
   direct reference, or a pointer GCC's alias analysis follows), rather
   than an integer turned into a pointer.  True when done.  */
static bool
pointer_arith (frame *f, reg_state *s, const struct bpf_insn *insn, bool sub,
	       tree res)
{
  int dst = insn->dst_reg;
  reg_val dv = s->r[dst];
  reg_val sv;
  if (BPF_SRC (insn->code) == BPF_X)
    sv = s->r[insn->src_reg];
  else
    {
      sv.val = u64_cst ((uint64_t) (int64_t) insn->imm);
      sv.addr = NULL_TREE;
      sv.off = 0;
    }
  if (sv.val == NULL_TREE)
    sv.val = u64_cst (0);
  /* The pointer side P and the offset side O (an address minus a
     pointer is no pointer).  */
  const reg_val *p = &dv, *o = &sv;
  if (!dv.addr && sv.addr && !sub)
    {
      p = &sv;
      o = &dv;
    }
  if (!p->addr || o->addr || o->val == NULL_TREE)
    return false;
  reg_val out;
  out.val = res;
  if (TREE_CODE (o->val) == INTEGER_CST)
    {
      HOST_WIDE_INT c = (HOST_WIDE_INT) TREE_INT_CST_LOW (o->val);
      out.addr = p->addr;
      out.off = p->off + (sub ? -c : c);
    }
  else
    {
      tree ptype = build_pointer_type (char_type_node);
      tree base = convert_to (f, ptype, p->addr);
      if (p->off)
	base = build_op (f, POINTER_PLUS_EXPR, ptype, base,
			 size_int (p->off));
      tree delta = convert_to (f, sizetype, o->val);
      if (sub)
	delta = build_op (f, NEGATE_EXPR, sizetype, delta);
      out.addr = build_op (f, POINTER_PLUS_EXPR, ptype, base, delta);
      out.off = 0;
    }
  s->r[dst] = out;
  return true;
}

void
emit_alu (frame *f, reg_state *s, const struct bpf_insn *insn)
{
  bool is64 = BPF_CLASS (insn->code) == BPF_ALU64;
  unsigned op = BPF_OP (insn->code);
  int dst = insn->dst_reg;
  tree type = is64 ? bpfi_u64_type : int_type (32, 1);
  unsigned bits = is64 ? 64 : 32;

  if (op == BPF_END)
    {
      /* Byte swaps to big-endian (BPF is little-endian); to little-endian
	 only truncates.  */
      unsigned w = insn->imm;
      tree wt = int_type (w, 1);
      tree x = convert_to (f, wt, get_reg (s, dst));
      if (BPF_SRC (insn->code) == BPF_TO_BE && w > 8)
	x = emit_builtin1 (f, w == 16 ? BUILT_IN_BSWAP16
			   : w == 32 ? BUILT_IN_BSWAP32 : BUILT_IN_BSWAP64, x);
      set_reg (s, dst, convert_to (f, bpfi_u64_type, x));
      return;
    }

  tree src;
  if (BPF_SRC (insn->code) == BPF_X)
    src = convert_to (f, type, get_reg (s, insn->src_reg));
  else
    src = is64 ? u64_cst ((uint64_t) (int64_t) insn->imm)
	       : build_int_cst (type, (uint32_t) insn->imm);

  if (op == BPF_MOV)
    {
      if (insn->off != 0)
	{
	  /* ISA v4's sign-extending move: the low OFF bits of the source,
	     sign-extended to the operation's width (and zero-extended from
	     32 to 64 bits).  */
	  tree x = convert_to (f, int_type (bits, 0),
			       convert_to (f, int_type (insn->off, 0), src));
	  set_reg (s, dst, convert_to (f, bpfi_u64_type,
				       convert_to (f, type, x)));
	}
      else if (is64 && BPF_SRC (insn->code) == BPF_X)
	s->r[dst] = s->r[insn->src_reg];
      else
	set_reg (s, dst, convert_to (f, bpfi_u64_type, src));
      return;
    }

  tree a = convert_to (f, type, get_reg (s, dst));
  tree res;
  switch (op)
    {
    case BPF_ADD:
    case BPF_SUB:
      res = build_op (f, op == BPF_ADD ? PLUS_EXPR : MINUS_EXPR, type, a, src);
      if (is64 && pointer_arith (f, s, insn, op == BPF_SUB, res))
	return;
      break;
    case BPF_MUL:
    case BPF_OR:
    case BPF_AND:
    case BPF_XOR:
      res = build_op (f, op == BPF_MUL ? MULT_EXPR
			 : op == BPF_OR ? BIT_IOR_EXPR
			 : op == BPF_AND ? BIT_AND_EXPR : BIT_XOR_EXPR,
		      type, a, src);
      break;
    case BPF_DIV:
    case BPF_MOD:
      res = emit_divmod (f, op == BPF_MOD, type, a, src);
      break;
    case BPF_NEG:
      res = build_op (f, NEGATE_EXPR, type, a);
      break;
    case BPF_LSH:
    case BPF_RSH:
    case BPF_ARSH:
      {
	/* BPF masks the shift count; GIMPLE leaves a count >= the width
	   undefined.  */
	tree cnt = build_op (f, BIT_AND_EXPR, type, src,
			     build_int_cst (type, bits - 1));
	if (op == BPF_ARSH)
	  {
	    tree st = int_type (bits, 0);
	    res = convert_to (f, type,
			      build_op (f, RSHIFT_EXPR, st,
					convert_to (f, st, a),
					convert_to (f, st, cnt)));
	  }
	else
	  res = build_op (f, op == BPF_LSH ? LSHIFT_EXPR : RSHIFT_EXPR, type,
			  a, cnt);
	break;
      }
    default:
      gcc_unreachable ();	/* the verifier refused it */
    }
  set_reg (s, dst, convert_to (f, bpfi_u64_type, res));
}

/* ---------------------------------------------------------------------- */
/* Memory.  */

void
emit_load (frame *f, reg_state *s, const struct bpf_insn *insn,
	   const struct bpfi_insn_info *info)
{
  tree type = size_type (BPF_SIZE (insn->code));
  if (info->flags & BPFI_INSN_FILL)
    {
      /* A stack pointer spilled at a constant position: that position,
	 known without reading it back.  */
      set_reg (s, insn->dst_reg, u64_cst (frame_top (f) + info->fill_off));
      return;
    }
  tree ref = access_ref (f, s, type, insn->src_reg, insn, info);
  tree v = make_ssa_name (type);
  add_stmt (f, gimple_build_assign (v, ref));
  /* ISA v4's sign-extending load: through the signed type.  */
  if (info->op->sext)
    v = convert_to (f, int_type (64, 0),
		    convert_to (f, int_type (info->op->sext, 0), v));
  set_reg (s, insn->dst_reg, convert_to (f, bpfi_u64_type, v));
}

void
emit_store (frame *f, reg_state *s, const struct bpf_insn *insn,
	    const struct bpfi_insn_info *info)
{
  tree type = size_type (BPF_SIZE (insn->code));
  tree val = BPF_CLASS (insn->code) == BPF_STX
	     ? convert_to (f, type, get_reg (s, insn->src_reg))
	     : fold_convert (type, build_int_cst (int_type (32, 0), insn->imm));
  tree ref = access_ref (f, s, type, insn->dst_reg, insn, info);
  add_stmt (f, gimple_build_assign (ref, val));
}

void
emit_atomic (frame *f, reg_state *s, const struct bpf_insn *insn,
	     const struct bpfi_insn_info *info)
{
  bool dw = BPF_SIZE (insn->code) == BPF_DW;
  tree type = dw ? bpfi_u64_type : int_type (32, 1);
  if (info->flags & BPFI_INSN_STACK)
    TREE_ADDRESSABLE (f->ctx->stack) = 1;
  tree ptr = build_fold_addr_expr (access_ref (f, s, type, insn->dst_reg,
					       insn, info));
  if (!is_gimple_val (ptr))
    {
      tree p = make_ssa_name (TREE_TYPE (ptr));
      add_stmt (f, gimple_build_assign (p, ptr));
      ptr = p;
    }
  tree val = convert_to (f, type, get_reg (s, insn->src_reg));
  int op = insn->imm;
  enum built_in_function fn;
  if (op == BPF_CMPXCHG)
    fn = dw ? BUILT_IN_SYNC_VAL_COMPARE_AND_SWAP_8
	    : BUILT_IN_SYNC_VAL_COMPARE_AND_SWAP_4;
  else
    switch (op & ~BPF_FETCH)
      {
      case BPF_ADD:
	fn = dw ? BUILT_IN_ATOMIC_FETCH_ADD_8 : BUILT_IN_ATOMIC_FETCH_ADD_4;
	break;
      case BPF_OR:
	fn = dw ? BUILT_IN_ATOMIC_FETCH_OR_8 : BUILT_IN_ATOMIC_FETCH_OR_4;
	break;
      case BPF_AND:
	fn = dw ? BUILT_IN_ATOMIC_FETCH_AND_8 : BUILT_IN_ATOMIC_FETCH_AND_4;
	break;
      case BPF_XOR:
	fn = dw ? BUILT_IN_ATOMIC_FETCH_XOR_8 : BUILT_IN_ATOMIC_FETCH_XOR_4;
	break;
      default: /* BPF_XCHG */
	fn = dw ? BUILT_IN_ATOMIC_EXCHANGE_8 : BUILT_IN_ATOMIC_EXCHANGE_4;
	break;
      }
  tree decl = builtin_decl_explicit (fn);
  tree itype = TREE_VALUE (TREE_CHAIN (TYPE_ARG_TYPES (TREE_TYPE (decl))));
  gcall *call;
  if (op == BPF_CMPXCHG)
    call = gimple_build_call (decl, 3, ptr,
			      convert_to (f, itype,
					  convert_to (f, type,
						      get_reg (s, 0))),
			      convert_to (f, itype, val));
  else
    call = gimple_build_call (decl, 3, ptr, convert_to (f, itype, val),
			      build_int_cst (integer_type_node,
					     MEMMODEL_SEQ_CST));
  tree old = make_ssa_name (TREE_TYPE (TREE_TYPE (decl)));
  gimple_call_set_lhs (call, old);
  add_stmt (f, call);
  /* CMPXCHG returns the old value in R0, the fetching forms in SRC.  */
  int res_reg = op == BPF_CMPXCHG ? 0 : (op & BPF_FETCH) ? insn->src_reg : -1;
  if (res_reg >= 0)
    set_reg (s, res_reg,
	     convert_to (f, bpfi_u64_type, convert_to (f, type, old)));
}

/* ---------------------------------------------------------------------- */
/* 64-bit immediates: constants, and addresses of data and maps.  */

void
emit_ld_imm64 (frame *f, reg_state *s, const struct bpf_insn *insn,
	       const struct bpfi_insn_info *info)
{
  int dst = insn->dst_reg;
  if (info->kind == BPFI_RELOC_DATA || info->kind == BPFI_RELOC_EXTERN
      || info->kind == BPFI_RELOC_MAP)
    {
      /* A map's address is its struct bpfinst_map's, which only the map
	 helpers take (the verifier sees to it): they find the map in the
	 instruction's facts, not in the register.  */
      tree decl = info->kind == BPFI_RELOC_DATA ? data_decl (info->index)
		  : info->kind == BPFI_RELOC_MAP ? map_decl (info->index)
		  : extern_decl (info->index);
      tree addr = build_fold_addr_expr (decl);
      tree ut = int_type (TYPE_PRECISION (TREE_TYPE (addr)), 1);
      tree base = convert_to (f, bpfi_u64_type,
			      build_op (f, NOP_EXPR, ut, addr));
      s->r[dst].val = info->addend
		      ? build_op (f, PLUS_EXPR, bpfi_u64_type, base,
				  u64_cst ((uint64_t) info->addend))
		      : base;
      s->r[dst].addr = addr;
      s->r[dst].off = info->addend;
      return;
    }
  uint64_t v = (uint64_t) (uint32_t) insn[0].imm
	       | ((uint64_t) (uint32_t) insn[1].imm << 32);
  set_reg (s, dst, u64_cst (v));
}
