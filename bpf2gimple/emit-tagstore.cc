/* emit-tagstore.cc - libtag's dense tag store, inline (the dense_tag_get
   and dense_tag_set helpers, a GCCInst extension).

   The store (spec/include/bpfinst/tagstore.h) is a directory of chunk
   pointers indexed by bits CHUNK_BITS.. of the address, each chunk one
   64-bit tag per byte indexed by the low CHUNK_BITS bits.  The fast path
   is two loads; a missing chunk reads as 0, and setting a nonzero tag
   there calls the runtime, which maps the chunk.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "ssa.h"
#include "gimple-iterator.h"
#include "gimple-fold.h"

#include "bpf-emit.h"
#include "emit-int.h"
#include "bpfinst-abi.h"

/* dense_tag_get (ADDR), or dense_tag_set (ADDR, TAG) when TAG is given:
   look the chunk up in the directory; where it exists (and the address
   is in range) access the tag inline, else read 0 or call the runtime.
   Returns the value for R0.  */
tree
emit_dense_tag (frame *f, tree addr, tree tag)
{
  tree u64 = bpfi_u64_type;
  const unsigned chunk_bits = BPFINST_DENSE_CHUNK_BITS;
  const unsigned dir_bits = BPFINST_DENSE_DIR_BITS;
  tree idx = build_op (f, BIT_AND_EXPR, u64,
		       build_op (f, RSHIFT_EXPR, u64, addr,
				 u64_cst (chunk_bits)),
		       u64_cst (((uint64_t) 1 << dir_bits) - 1));
  tree dir = dense_dir_decl ();
  tree et = TREE_TYPE (TREE_TYPE (dir));
  tree chunkp = make_ssa_name (et);
  add_stmt (f, gimple_build_assign (chunkp, build4 (ARRAY_REF, et, dir, idx,
						    NULL_TREE, NULL_TREE)));
  tree chunk = convert_to (f, u64, chunkp);
  tree hi = build_op (f, RSHIFT_EXPR, u64, addr,
		      u64_cst (chunk_bits + dir_bits));
  tree miss = build_op (f, BIT_IOR_EXPR, boolean_type_node,
			build_op (f, EQ_EXPR, boolean_type_node, chunk,
				  u64_cst (0)),
			build_op (f, NE_EXPR, boolean_type_node, hi,
				  u64_cst (0)));

  /* The values travel in R0 of the paths' registers.  */
  reg_state s;
  memset (&s, 0, sizeof s);
  set_reg (&s, 0, u64_cst (0));
  arrival on_miss, on_hit;
  branch (f, NE_EXPR, miss, boolean_false_node,
	  profile_probability::unlikely (), &s, &on_miss, &on_hit);
  auto_vec<arrival> done;

  /* Hit: the tag's place is chunk + (addr mod 2^CHUNK_BITS) * 8.  */
  continue_on (f, on_hit, &s);
  if (f->cur)
    {
      tree off = build_op (f, LSHIFT_EXPR, u64,
			   build_op (f, BIT_AND_EXPR, u64, addr,
				     u64_cst (((uint64_t) 1 << chunk_bits)
					      - 1)),
			   u64_cst (3));
      reg_val place;
      place.val = build_op (f, PLUS_EXPR, u64, chunk, off);
      place.addr = NULL_TREE;
      place.off = 0;
      tree ref = mem_ref (f, u64, place, 0);
      if (tag)
	add_stmt (f, gimple_build_assign (ref, tag));
      else
	{
	  tree val = make_ssa_name (u64);
	  add_stmt (f, gimple_build_assign (val, ref));
	  set_reg (&s, 0, val);
	}
      arrival a;
      leave_open (f, &s, &a);
      done.safe_push (a);
    }

  /* Miss: a missing chunk holds only zeros, so reading gives 0 and
     setting 0 is a no-op; setting another tag calls the runtime.  */
  if (!tag)
    done.safe_push (on_miss);
  else
    {
      continue_on (f, on_miss, &s);
      if (f->cur)
	{
	  arrival call, zero;
	  branch (f, NE_EXPR, tag, u64_cst (0), profile_probability::even (),
		  &s, &call, &zero);
	  done.safe_push (zero);
	  continue_on (f, call, &s);
	  if (f->cur)
	    {
	      add_stmt (f, gimple_build_call (dense_slow_set_decl (), 2, addr,
					      tag));
	      arrival a;
	      leave_open (f, &s, &a);
	      done.safe_push (a);
	    }
	}
    }
  join (f, done, NULL, MERGE_REG (0), NULL, &s);
  return get_reg (&s, 0);
}
