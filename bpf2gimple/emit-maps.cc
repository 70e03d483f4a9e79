/* emit-maps.cc - BPF maps (a GCCInst extension): the lowering of
   bpf_map_lookup_elem, bpf_map_update_elem and bpf_map_delete_elem.

   The verifier has found the map each call names (R1 holds the same map
   on every path) and where its key (R2) and value (R3) are: on the BPF
   stack, at a known offset, or anywhere else through the register.

   An array map is inline code over its entries, a zero-filled array of
   the program (emit-decls.cc): a lookup is an address computation, which
   GCC folds to a direct reference when the key is a constant; an update
   a copy into the entry.  A hash map is a call of libtag's thread-safe
   table (libtag/maps.c), with the key and value copied out of the BPF
   stack so that the stack itself never has its address taken.  Results
   are the Linux kernel's: NULL for a key out of range or not there, 0 or
   a negative errno for an update or a delete.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "ssa.h"
#include "fold-const.h"
#include "gimple-iterator.h"
#include "gimple-fold.h"
#include "gimplify.h"

#include "bpf-emit.h"
#include "emit-int.h"
#include "bpfinst-abi.h"

/* A 64-bit register value for the negative errno E (0 for 0).  */
static tree
errno_cst (int e)
{
  return u64_cst ((uint64_t) -(int64_t) e);
}

/* A reference of TYPE to the bytes a map helper reads through register
   REG: on the stack at OFF (ON_STACK), else at the register's value.  */
static tree
map_bytes_ref (frame *f, const reg_state *s, int reg, bool on_stack,
	       int32_t off, tree type)
{
  if (on_stack)
    return stack_ref (f, type, off);
  return mem_ref (f, type, s->r[reg], 0);
}

/* An array map's key, a 32-bit index.  */
static tree
array_key (frame *f, const reg_state *s, const struct bpfi_insn_info *info)
{
  tree t = int_type (32, 1);
  tree v = make_ssa_name (t);
  add_stmt (f, gimple_build_assign (v, map_bytes_ref
				    (f, s, 2, info->flags
					      & BPFI_INSN_KEY_STACK,
				     info->key_off, t)));
  return v;
}

/* The address of the entry of array map M (index IDX) at KEY when OK
   holds; the entry at 0 otherwise (never out of the array, whatever
   GCC makes of the arithmetic).  A char pointer.  */
static tree
array_entry (frame *f, size_t idx, const struct bpfi_map *m, tree key,
	     tree ok)
{
  tree ptype = build_pointer_type (char_type_node);
  tree k = gimple_build (&f->seq, f->loc, COND_EXPR, TREE_TYPE (key), ok,
			 key, build_zero_cst (TREE_TYPE (key)));
  tree off = build_op (f, MULT_EXPR, sizetype, convert_to (f, sizetype, k),
		       size_int (BPFINST_MAP_STRIDE (m->value_size)));
  tree base = convert_to (f, ptype, build_fold_addr_expr (map_data_decl
							  (idx)));
  return build_op (f, POINTER_PLUS_EXPR, ptype, base, off);
}

/* An array of SIZE bytes, for aggregate copies.  */
static tree
bytes_type (uint32_t size)
{
  return build_array_type_nelts (unsigned_char_type_node, size);
}

/* bpf_map_update_elem on array map M: the checks of Linux's
   array_map_update_elem, in its order, then the copy.  */
static tree
array_update (frame *f, const reg_state *s, size_t idx,
	      const struct bpfi_map *m, const struct bpfi_insn_info *info)
{
  tree key = array_key (f, s, info);
  tree ok = build_op (f, LT_EXPR, boolean_type_node, key,
		      build_int_cst (TREE_TYPE (key), m->max_entries));
  tree flags = get_reg (s, 4);
  tree ret
    = gimple_build (&f->seq, f->loc, COND_EXPR, bpfi_u64_type,
		    build_op (f, EQ_EXPR, boolean_type_node, flags,
			      u64_cst (BPFINST_MAP_NOEXIST)),
		    errno_cst (BPFINST_MAP_EEXIST), u64_cst (0));
  ret = gimple_build (&f->seq, f->loc, COND_EXPR, bpfi_u64_type, ok, ret,
		      errno_cst (BPFINST_MAP_E2BIG));
  ret = gimple_build (&f->seq, f->loc, COND_EXPR, bpfi_u64_type,
		      build_op (f, GT_EXPR, boolean_type_node, flags,
				u64_cst (BPFINST_MAP_EXIST)),
		      errno_cst (BPFINST_MAP_EINVAL), ret);
  tree entry = array_entry (f, idx, m, key, ok);
  tree type = bytes_type (m->value_size);
  tree value = map_bytes_ref (f, s, 3, info->flags & BPFI_INSN_VALUE_STACK,
			      info->value_off, type);

  /* The copy, on the path where the checks pass.  R0 carries the
     result.  */
  reg_state rs;
  memset (&rs, 0, sizeof rs);
  set_reg (&rs, 0, ret);
  arrival copy, skip;
  branch (f, EQ_EXPR, ret, u64_cst (0), profile_probability::likely (), &rs,
	  &copy, &skip);
  auto_vec<arrival> done;
  done.safe_push (skip);
  continue_on (f, copy, &rs);
  if (f->cur)
    {
      tree dst = build2 (MEM_REF, build_aligned_type (type, BITS_PER_UNIT),
			 entry, build_int_cst (build_pointer_type_for_mode
					       (char_type_node, ptr_mode,
						true), 0));
      add_stmt (f, gimple_build_assign (dst, unshare_expr (value)));
      arrival a;
      leave_open (f, &rs, &a);
      done.safe_push (a);
    }
  join (f, done, NULL, MERGE_REG (0), NULL, &rs);
  return get_reg (&rs, 0);
}

/* The address of the bytes a hash map operation takes through register
   REG: a copy of them when they are on the stack (the stack's address is
   never taken), else the register's value.  The copy is a variable
   *TMP, which the caller clobbers after the call.  */
static tree
hash_bytes (frame *f, const reg_state *s, int reg, bool on_stack,
	    int32_t off, uint32_t size, tree *tmp)
{
  if (!on_stack)
    return convert_to (f, ptr_type_node,
		       convert_to (f, int_type (POINTER_SIZE, 1),
				   get_reg (s, reg)));
  tree type = bytes_type (size);
  *tmp = create_tmp_var (type, reg == 2 ? "bpf_map_key" : "bpf_map_value");
  SET_DECL_ALIGN (*tmp, 64);
  TREE_ADDRESSABLE (*tmp) = 1;
  suppress_warning (*tmp);
  add_stmt (f, gimple_build_assign (*tmp, stack_ref (f, type, off)));
  return build_fold_addr_expr (*tmp);
}

/* A call of the runtime's function for operation H on hash map IDX.  */
static tree
hash_op (frame *f, const reg_state *s, enum bpfi_helper h, size_t idx,
	 const struct bpfi_map *m, const struct bpfi_insn_info *info)
{
  tree ktmp = NULL_TREE, vtmp = NULL_TREE;
  auto_vec<tree, 4> args;
  args.quick_push (build_fold_addr_expr (map_decl (idx)));
  args.quick_push (hash_bytes (f, s, 2, info->flags & BPFI_INSN_KEY_STACK,
			       info->key_off, m->key_size, &ktmp));
  if (h == BPFI_HELPER_MAP_UPDATE)
    {
      args.quick_push (hash_bytes (f, s, 3,
				   info->flags & BPFI_INSN_VALUE_STACK,
				   info->value_off, m->value_size, &vtmp));
      args.quick_push (convert_to (f, uint64_type_node, get_reg (s, 4)));
    }
  tree fn = map_fn_decl (h);
  gcall *call = gimple_build_call_vec (fn, args);
  tree res = make_ssa_name (TREE_TYPE (TREE_TYPE (fn)));
  gimple_call_set_lhs (call, res);
  add_stmt (f, call);
  tree tmps[2] = { ktmp, vtmp };
  for (int i = 0; i < 2; i++)
    if (tmps[i])
      add_stmt (f, gimple_build_assign (tmps[i],
					build_clobber (TREE_TYPE (tmps[i]))));
  if (h == BPFI_HELPER_MAP_LOOKUP)
    return operand_to_u64 (f, res);
  /* A negative int, sign-extended to 64 bits.  */
  return convert_to (f, bpfi_u64_type,
		     convert_to (f, int_type (64, 0), res));
}

tree
emit_map_helper (frame *f, reg_state *s, enum bpfi_helper h,
		 const struct bpfi_insn_info *info)
{
  size_t idx = (size_t) info->map;
  const struct bpfi_map *m = &emit_obj->maps[idx];
  if (m->type == BPFINST_MAP_HASH)
    return hash_op (f, s, h, idx, m, info);
  switch (h)
    {
    case BPFI_HELPER_MAP_LOOKUP:
      {
	tree key = array_key (f, s, info);
	tree ok = build_op (f, LT_EXPR, boolean_type_node, key,
			    build_int_cst (TREE_TYPE (key), m->max_entries));
	tree entry = operand_to_u64 (f, array_entry (f, idx, m, key, ok));
	return gimple_build (&f->seq, f->loc, COND_EXPR, bpfi_u64_type, ok,
			     entry, u64_cst (0));
      }
    case BPFI_HELPER_MAP_UPDATE:
      return array_update (f, s, idx, m, info);
    default:
      /* Linux's array maps refuse deletions.  */
      return errno_cst (BPFINST_MAP_EINVAL);
    }
}
