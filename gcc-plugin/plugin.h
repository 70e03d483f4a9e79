/* plugin.h - what the bpfinst plugin's files share.

   Include after GCC's plugin headers and bpf-emit.h.  */

#ifndef BPFINST_PLUGIN_H
#define BPFINST_PLUGIN_H

/* The loaded and verified instrumenter (BPF half).  */
extern struct bpfi_object *bpfinst_object;

/* Look up the instrumenter's hook functions; once per translation unit,
   before the first function is instrumented.  With GUARDS, every hook is
   guarded by the run-time switch BPFINST_SWITCH_SYMBOL.  */
void instrument_init (struct bpfi_object *obj, bool tags_off, bool guards);

/* The run-time switch: an int defined by libtag/switch.c, nonzero while
   the hooks run.  */
#define BPFINST_SWITCH_SYMBOL "__bpfinst_enabled"

/* The symbol every object compiled with the plugin references and the
   runtime archive defines (libtag/runtime.c), so that a link without the
   specs file starts its complaints with it: not a C identifier, but GAS
   takes any name in quotes.  */
#define BPFINST_SPECS_MARKER "__bpfinst_link_with_-specs=bpfinst.specs"

/* The reserved identifier bpfinst/native.h declares: a translation unit
   in which it appears includes that header, so it is an instrumenter's
   native half.  */
#define BPFINST_NATIVE_MARKER "__bpfinst_native_half"

/* Instrument the current function (cfun).  Returns the TODO flags the
   pass must return.  */
unsigned int instrument_function (void);

/* Continue the 64-bit FNV-1a hash H over LEN bytes at DATA (instrument.cc).
   Start with FNV_OFFSET_BASIS.  */
#define FNV_OFFSET_BASIS 0xcbf29ce484222325ULL
uint64_t fnv1a (uint64_t h, const void *data, size_t len);

/* Tags (tags.cc).  NULL_TREE stands for tag 0.  */
void tags_init (struct bpfi_object *obj, bool force_off);
bool tags_enabled_p (void);
void tags_begin_function (void);
bool tags_end_function (void);
tree tag_of (tree val);
void set_tag_of (tree ssa, tree tag);
bool tags_candidate_p (gimple *stmt);
void tags_default (gimple *stmt);

#endif /* BPFINST_PLUGIN_H */
