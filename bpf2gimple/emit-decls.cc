/* emit-decls.cc - the declarations a translation unit's hooks share: the
   instrumenter's data sections, the native half's variables, and the
   runtime's entry points.  Each is made on first use and kept, as a
   garbage-collection root, until the end of the translation unit.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "cgraph.h"
#include "stringpool.h"
#include "varasm.h"
#include "ggc.h"

#include "bpf-emit.h"
#include "emit-int.h"
#include "bpfinst-abi.h"

struct bpfi_object *emit_obj;

/* The declarations, by what they are.  */
static struct
{
  tree slow_call;	/* BPFINST_SLOW_CALL */
  tree data;		/* TREE_VEC: a variable per data section */
  tree externs;		/* TREE_VEC: a variable per extern symbol */
  tree dense_dir;	/* the dense tag store's directory */
  tree dense_slow_set;	/* its slow path */
} decls;

static const struct ggc_root_tab decls_root_tab[] = {
  { &decls.slow_call, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.data, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.externs, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.dense_dir, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.dense_slow_set, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

void
decls_init (struct bpfi_object *obj)
{
  emit_obj = obj;
  decls.data = make_tree_vec (MAX (obj->ndata, (size_t) 1));
  decls.externs = make_tree_vec (MAX (obj->nexterns, (size_t) 1));
  ggc_register_root_tab (decls_root_tab);
}

tree
bpfi_extern_decl (enum tree_code code, const char *name, tree type)
{
  tree id = get_identifier (name);
  symtab_node *node = symtab_node::get_for_asmname (id);
  if (node && TREE_CODE (node->decl) == code)
    return node->decl;
  tree decl = build_decl (UNKNOWN_LOCATION, code, id, type);
  SET_DECL_ASSEMBLER_NAME (decl, id);
  TREE_PUBLIC (decl) = 1;
  DECL_EXTERNAL (decl) = 1;
  DECL_ARTIFICIAL (decl) = 1;
  TREE_USED (decl) = 1;
  suppress_warning (decl);
  return decl;
}

/* uint64_t BPFINST_SLOW_CALL (uint64_t), the native half's.  */
tree
slow_call_decl (void)
{
  if (!decls.slow_call)
    {
      tree fntype = build_function_type_list (bpfi_u64_type, bpfi_u64_type,
					      NULL_TREE);
      decls.slow_call = bpfi_extern_decl (FUNCTION_DECL,
					  BPFINST_SLOW_CALL_NAME, fntype);
      TREE_NOTHROW (decls.slow_call) = 1;
    }
  return decls.slow_call;
}

/* The variable holding data section IDX: writable sections exist once per
   linked program (a public comdat definition named after the
   instrumenter's identity); read-only ones are a local constant copy that
   GCC can fold.  */
tree
data_decl (size_t idx)
{
  tree d = TREE_VEC_ELT (decls.data, idx);
  if (d)
    return d;
  const struct bpfi_data *ds = &emit_obj->data[idx];
  size_t size = ds->size ? ds->size : 1;
  tree type = build_array_type_nelts (unsigned_char_type_node, size);
  char name[256];
  char sect[64];
  size_t j = 0;
  for (const char *p = ds->name; *p && j + 1 < sizeof sect; p++)
    sect[j++] = ISALNUM (*p) ? *p : '_';
  sect[j] = 0;
  snprintf (name, sizeof name, BPFINST_DATA_NAME_FORMAT,
	    (unsigned long long) emit_obj->id, sect);
  tree id = get_identifier (name);
  symtab_node *node = symtab_node::get_for_asmname (id);
  if (node && VAR_P (node->decl))
    d = node->decl;
  else
    {
      d = build_decl (UNKNOWN_LOCATION, VAR_DECL, id, type);
      SET_DECL_ASSEMBLER_NAME (d, id);
      TREE_STATIC (d) = 1;
      DECL_ARTIFICIAL (d) = 1;
      TREE_USED (d) = 1;
      DECL_PRESERVE_P (d) = 0;
      SET_DECL_ALIGN (d, MAX (ds->align, 8u) * BITS_PER_UNIT);
      DECL_USER_ALIGN (d) = 1;
      suppress_warning (d);
      if (ds->bytes)
	{
	  tree str = build_string (size, (const char *) ds->bytes);
	  TREE_TYPE (str) = type;
	  DECL_INITIAL (d) = str;
	}
      else
	DECL_INITIAL (d) = build_constructor (type, NULL);
      if (ds->readonly)
	{
	  TREE_READONLY (d) = 1;
	  TREE_CONSTANT (d) = 1;
	}
      else
	{
	  TREE_PUBLIC (d) = 1;
	  DECL_VISIBILITY (d) = VISIBILITY_DEFAULT;
	  DECL_VISIBILITY_SPECIFIED (d) = 1;
	  make_decl_one_only (d, DECL_ASSEMBLER_NAME (d));
	}
      varpool_node::finalize_decl (d);
    }
  TREE_VEC_ELT (decls.data, idx) = d;
  return d;
}

/* The native half's variable of extern symbol IDX.  */
tree
extern_decl (size_t idx)
{
  tree d = TREE_VEC_ELT (decls.externs, idx);
  if (!d)
    {
      tree type = build_array_type (unsigned_char_type_node, NULL_TREE);
      d = bpfi_extern_decl (VAR_DECL, emit_obj->externs[idx].name, type);
      TREE_VEC_ELT (decls.externs, idx) = d;
    }
  return d;
}

/* The dense tag store's directory: chunk pointers, as integers of the
   target's pointer width.  */
tree
dense_dir_decl (void)
{
  if (!decls.dense_dir)
    {
      tree type = build_array_type_nelts (int_type (POINTER_SIZE, 1),
					  (unsigned HOST_WIDE_INT) 1
					  << BPFINST_DENSE_DIR_BITS);
      decls.dense_dir = bpfi_extern_decl (VAR_DECL, BPFINST_DENSE_DIR_NAME,
					  type);
    }
  return decls.dense_dir;
}

/* uint64_t BPFINST_DENSE_SLOW_SET (uint64_t addr, uint64_t tag).  */
tree
dense_slow_set_decl (void)
{
  if (!decls.dense_slow_set)
    {
      tree fntype = build_function_type_list (bpfi_u64_type, bpfi_u64_type,
					      bpfi_u64_type, NULL_TREE);
      decls.dense_slow_set = bpfi_extern_decl (FUNCTION_DECL,
					       BPFINST_DENSE_SLOW_SET_NAME,
					       fntype);
      TREE_NOTHROW (decls.dense_slow_set) = 1;
    }
  return decls.dense_slow_set;
}
