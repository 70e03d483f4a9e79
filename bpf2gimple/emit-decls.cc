/* emit-decls.cc - the declarations a translation unit's hooks share: the
   instrumenter's data sections and maps, the native half's variables,
   and the runtime's entry points.  Each is made on first use and kept,
   as a garbage-collection root, until the end of the translation
   unit.  */

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
#include "stor-layout.h"
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
  tree map_type;	/* struct bpfinst_map */
  tree maps;		/* TREE_VEC: a struct bpfinst_map per map */
  tree map_data;	/* TREE_VEC: an array map's entries, per map */
  tree map_registry;	/* BPFINST_MAP_REGISTRY */
  tree map_fns[3];	/* BPFINST_MAP_LOOKUP, _UPDATE, _DELETE */
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
  { &decls.map_type, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.maps, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.map_data, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.map_registry, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &decls.map_fns[0], 3, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

void
decls_init (struct bpfi_object *obj)
{
  emit_obj = obj;
  decls.data = make_tree_vec (MAX (obj->ndata, (size_t) 1));
  decls.externs = make_tree_vec (MAX (obj->nexterns, (size_t) 1));
  decls.maps = make_tree_vec (MAX (obj->nmaps, (size_t) 1));
  decls.map_data = make_tree_vec (MAX (obj->nmaps, (size_t) 1));
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

/* The translation unit's variable NAME, if it has one already.  */
static tree
existing_var (tree id)
{
  symtab_node *node = symtab_node::get_for_asmname (id);
  return node && VAR_P (node->decl) ? node->decl : NULL_TREE;
}

/* A new variable NAME of TYPE with INIT, defined once per linked program:
   public, of default visibility, comdat, named after the instrumenter
   (the caller's NAME).  */
static tree
program_var (tree id, tree type, tree init, unsigned align)
{
  tree d = build_decl (UNKNOWN_LOCATION, VAR_DECL, id, type);
  SET_DECL_ASSEMBLER_NAME (d, id);
  TREE_STATIC (d) = 1;
  DECL_ARTIFICIAL (d) = 1;
  TREE_USED (d) = 1;
  SET_DECL_ALIGN (d, MAX (align, TYPE_ALIGN (type)));
  DECL_USER_ALIGN (d) = 1;
  suppress_warning (d);
  DECL_INITIAL (d) = init;
  TREE_PUBLIC (d) = 1;
  DECL_VISIBILITY (d) = VISIBILITY_DEFAULT;
  DECL_VISIBILITY_SPECIFIED (d) = 1;
  make_decl_one_only (d, DECL_ASSEMBLER_NAME (d));
  return d;
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

/* ---------------------------------------------------------------------- */
/* BPF maps: the layouts of bpfinst-abi.h, as trees.  */

/* struct bpfinst_map.  */
static tree
map_type (void)
{
  if (decls.map_type)
    return decls.map_type;
  tree u32 = int_type (32, 1);
  tree cstr = build_pointer_type (build_qualified_type (char_type_node,
							TYPE_QUAL_CONST));
  struct { const char *name; tree type; } fields[] = {
    { "name", cstr }, { "type", u32 }, { "key_size", u32 },
    { "value_size", u32 }, { "max_entries", u32 },
    { "data", ptr_type_node }, { "table", ptr_type_node }
  };
  tree rec = make_node (RECORD_TYPE);
  tree chain = NULL_TREE;
  for (size_t i = 0; i < ARRAY_SIZE (fields); i++)
    {
      tree f = build_decl (UNKNOWN_LOCATION, FIELD_DECL,
			   get_identifier (fields[i].name), fields[i].type);
      DECL_CHAIN (f) = chain;
      chain = f;
    }
  finish_builtin_struct (rec, "bpfinst_map", chain, NULL_TREE);
  decls.map_type = rec;
  return rec;
}

/* The entries of array map IDX: max_entries of BPFINST_MAP_STRIDE bytes,
   zero-filled.  */
tree
map_data_decl (size_t idx)
{
  tree d = TREE_VEC_ELT (decls.map_data, idx);
  if (d)
    return d;
  const struct bpfi_map *m = &emit_obj->maps[idx];
  char name[256];
  snprintf (name, sizeof name, BPFINST_MAP_DATA_NAME_FORMAT,
	    (unsigned long long) emit_obj->id, m->name);
  tree id = get_identifier (name);
  d = existing_var (id);
  if (d == NULL_TREE)
    {
      tree type = build_array_type_nelts (unsigned_char_type_node,
					  (unsigned HOST_WIDE_INT)
					  m->max_entries
					  * BPFINST_MAP_STRIDE (m->value_size));
      d = program_var (id, type, build_constructor (type, NULL),
		       8 * BITS_PER_UNIT);
      varpool_node::finalize_decl (d);
    }
  TREE_VEC_ELT (decls.map_data, idx) = d;
  return d;
}

/* The struct bpfinst_map of map IDX, made with the others and the
   registry (whose definition keeps them all).  */
static tree
make_map_decl (size_t idx)
{
  const struct bpfi_map *m = &emit_obj->maps[idx];
  char name[256];
  snprintf (name, sizeof name, BPFINST_MAP_NAME_FORMAT,
	    (unsigned long long) emit_obj->id, m->name);
  tree id = get_identifier (name);
  tree d = existing_var (id);
  if (d != NULL_TREE)
    return d;
  tree type = map_type ();
  vec<constructor_elt, va_gc> *v = NULL;
  tree f = TYPE_FIELDS (type);
  CONSTRUCTOR_APPEND_ELT (v, f, build_string_literal (strlen (m->name) + 1,
							m->name));
  uint32_t vals[] = { m->type, m->key_size, m->value_size, m->max_entries };
  for (size_t i = 0; i < ARRAY_SIZE (vals); i++)
    {
      f = DECL_CHAIN (f);
      CONSTRUCTOR_APPEND_ELT (v, f, build_int_cst (TREE_TYPE (f), vals[i]));
    }
  f = DECL_CHAIN (f);
  CONSTRUCTOR_APPEND_ELT (v, f, m->type == BPFINST_MAP_ARRAY
				? fold_convert (ptr_type_node,
						build_fold_addr_expr
						(map_data_decl (idx)))
				: null_pointer_node);
  f = DECL_CHAIN (f);
  CONSTRUCTOR_APPEND_ELT (v, f, null_pointer_node);
  tree init = build_constructor (type, v);
  TREE_CONSTANT (init) = 1;
  TREE_STATIC (init) = 1;
  d = program_var (id, type, init, 8 * BITS_PER_UNIT);
  varpool_node::finalize_decl (d);
  return d;
}

/* BPFINST_MAP_REGISTRY, and every map with it.  */
static void
make_map_registry (void)
{
  size_t n = emit_obj->nmaps;
  for (size_t i = 0; i < n; i++)
    TREE_VEC_ELT (decls.maps, i) = make_map_decl (i);
  tree id = get_identifier (BPFINST_MAP_REGISTRY_NAME);
  tree d = existing_var (id);
  if (d == NULL_TREE)
    {
      tree mptr = build_pointer_type (map_type ());
      tree arr = build_array_type_nelts (mptr, n);
      tree count = build_decl (UNKNOWN_LOCATION, FIELD_DECL,
			       get_identifier ("count"), bpfi_u64_type);
      tree maps = build_decl (UNKNOWN_LOCATION, FIELD_DECL,
			      get_identifier ("maps"), arr);
      DECL_CHAIN (maps) = count;
      tree type = make_node (RECORD_TYPE);
      finish_builtin_struct (type, "bpfinst_map_registry", maps, NULL_TREE);
      vec<constructor_elt, va_gc> *elts = NULL;
      for (size_t i = 0; i < n; i++)
	CONSTRUCTOR_APPEND_ELT (elts, size_int (i),
				build_fold_addr_expr (TREE_VEC_ELT (decls.maps,
								    i)));
      vec<constructor_elt, va_gc> *v = NULL;
      CONSTRUCTOR_APPEND_ELT (v, count, build_int_cst (bpfi_u64_type, n));
      CONSTRUCTOR_APPEND_ELT (v, maps, build_constructor (arr, elts));
      tree init = build_constructor (type, v);
      TREE_CONSTANT (init) = 1;
      TREE_STATIC (init) = 1;
      d = program_var (id, type, init, 8 * BITS_PER_UNIT);
      /* Kept even where no code refers to it: the native half looks
	 maps up in it.  */
      DECL_PRESERVE_P (d) = 1;
      varpool_node::finalize_decl (d);
    }
  decls.map_registry = d;
}

/* The struct bpfinst_map of map IDX.  */
tree
map_decl (size_t idx)
{
  if (decls.map_registry == NULL_TREE)
    make_map_registry ();
  return TREE_VEC_ELT (decls.maps, idx);
}

/* The runtime's function for operation H on a hash map.  */
tree
map_fn_decl (enum bpfi_helper h)
{
  int k = h - BPFI_HELPER_MAP_LOOKUP;
  if (decls.map_fns[k])
    return decls.map_fns[k];
  tree cptr = build_pointer_type (build_qualified_type (void_type_node,
							TYPE_QUAL_CONST));
  tree fntype;
  const char *name;
  switch (h)
    {
    case BPFI_HELPER_MAP_LOOKUP:
      name = BPFINST_MAP_LOOKUP_NAME;
      fntype = build_function_type_list (ptr_type_node, ptr_type_node, cptr,
					 NULL_TREE);
      break;
    case BPFI_HELPER_MAP_UPDATE:
      name = BPFINST_MAP_UPDATE_NAME;
      fntype = build_function_type_list (integer_type_node, ptr_type_node,
					 cptr, cptr, uint64_type_node,
					 NULL_TREE);
      break;
    default:
      name = BPFINST_MAP_DELETE_NAME;
      fntype = build_function_type_list (integer_type_node, ptr_type_node,
					 cptr, NULL_TREE);
      break;
    }
  tree d = bpfi_extern_decl (FUNCTION_DECL, name, fntype);
  TREE_NOTHROW (d) = 1;
  decls.map_fns[k] = d;
  return d;
}
