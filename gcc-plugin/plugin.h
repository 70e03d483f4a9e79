/* plugin.h - what the bpfinst plugin's files share.

   Include after GCC's plugin headers (tree-pass.h among them) and
   bpf-emit.h.  */

#ifndef BPFINST_PLUGIN_H
#define BPFINST_PLUGIN_H

/* The runtime's symbols and the layout of their data (libtag/).  */
#include "bpfinst-abi.h"

/* The loaded and verified instrumenter (BPF half).  */
extern struct bpfi_object *bpfinst_object;

/* Register PASS, of the plugin PLUGIN_NAME, at POS (PASS_POS_*) of the
   first instance of GCC's pass REFERENCE (plugin.cc).  */
void plugin_register_pass (const char *plugin_name, opt_pass *pass,
			   const char *reference,
			   enum pass_positioning_ops pos);

/* Look up the instrumenter's hook functions; once per translation unit,
   before the first function is instrumented.  With GUARDS, every hook is
   guarded by the run-time switch BPFINST_ENABLED.  With LIBC_OFF, calls
   of the C library never go to libtag's wrappers.  */
void instrument_init (struct bpfi_object *obj, bool tags_off, bool guards,
		      bool libc_off);

/* Print, for each hook the instrumenter defines, how many operations it
   instrumented in this translation unit (UNIT), how many of those
   instances folded to nothing and how many statements they added.  */
void instrument_print_stats (FILE *out, const char *unit);

/* Instrument the current function (cfun).  Returns the TODO flags the
   pass must return.  */
unsigned int instrument_function (void);

/* Continue the 64-bit FNV-1a hash H over LEN bytes at DATA (instrument.cc).
   Start with FNV_OFFSET_BASIS.  */
#define FNV_OFFSET_BASIS 0xcbf29ce484222325ULL
uint64_t fnv1a (uint64_t h, const void *data, size_t len);

/* The identity of function FNDECL: a 64-bit hash of its assembler name
   (and, if it is local to the translation unit, of the main input
   file's name), never 0; func_id () gives it too (tags.cc).  */
uint64_t function_id (tree fndecl);

/* May FNDECL be called through a pointer (is it public, or is its
   address taken)?  Only then may inserted code take its address without
   keeping a copy of it out of line that the program would not have
   (tags.cc).  */
bool maybe_called_indirectly_p (tree fndecl);

/* The table of instrumented sites (sites.cc, format in bpfinst-sites.h).
   Record the hook instance HOOK with pseudo_pc () PC, inserted for STMT
   (the operation, a condition or a switch) at LOC, in the operation
   numbered OP of the current function; COND is the constant inst_br
   gets on a switch's edge.  */
void sites_record (uint64_t pc, enum bpfi_hook hook, const gimple *stmt,
		   tree cond, location_t loc, unsigned op);
/* Register the pass that writes the table at the end of the unit.  */
void sites_register (const char *plugin_name);

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
