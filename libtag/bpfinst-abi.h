/* bpfinst-abi.h - the interface between the code the plugin emits and the
   runtime archive (libbpfinst-rt.a): the symbols instrumented code refers
   to, and the layout of the data behind them.

   The plugin (gcc-plugin/, bpf2gimple/emit-*.cc, C++) and the runtime
   (libtag/, C) both include this file, so each fact is written here once.
   It needs no GCC header.  It is internal to GCCInst and not installed:
   an instrumenter sees the runtime only through the installed headers
   (bpfinst/native.h, bpfinst/tagstore.h, bpfinst/control.h).  A program
   must link the runtime built from the same sources as the plugin that
   instrumented it.

   Each symbol is given as an identifier, for the runtime's C code (which
   defines or declares it), and as a string, FOO_NAME, for the plugin
   (which builds declarations of it); the string is made from the
   identifier, so the name is spelled once.  */

#ifndef BPFINST_ABI_H
#define BPFINST_ABI_H

/* The dense tag store's geometry, BPFINST_DENSE_CHUNK_BITS and
   BPFINST_DENSE_DIR_BITS, is defined in the installed header, which
   describes the layout to native halves that read the store directly.  */
#include "bpfinst/tagstore.h"

#include <stdint.h>

#define BPFINST_STR_(x) #x
#define BPFINST_STR(x) BPFINST_STR_ (x)

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------- */
/* Tag slots (tag-slots.c, written and read by inline code from tags.cc).

   When the instrumenter uses tags, a call passes its arguments' tags and
   a function passes its return value's tag through these 64-bit slots
   (BPFINST_ left out of the names):

     [0]      SLOT_ARG_CALLEE  the callee the argument tags are for;
     [1..8]   SLOT_ARG0 + I    the tag of argument I + 1 (I < SLOT_NARGS);
     [9]      SLOT_RET_FROM    the function id of the last function that
                               returned a value of a tagged type;
     [10]     SLOT_RET_TAG     the tag of that value;
     [11]     SLOT_RET_ADDR    that function's address, if it may be
                               called through a pointer;
     [12..15]                  unused.

   A function id is a 64-bit hash of the function's assembler name (and,
   for a function local to its translation unit, of the main input file's
   name) with the low bit set, so never 0: bpfinst_function_id below.  The
   plugin computes it as a constant (tags.cc); the runtime computes the
   ids of its C library wrappers (libc-wrap.h), which instrumented code
   calls like any other function.

   Before a call with at least one tagged argument, the caller writes the
   argument slots of all its arguments (up to SLOT_NARGS; 0 for an
   untagged one), then slot 0: the callee's function id for a call of a
   named function, the address called for a call through a pointer.  On entry, a function
   that uses a parameter of a tagged type (one of its first SLOT_NARGS)
   takes the argument slots when slot 0 holds its function id or, if it
   may be called through a pointer (it is public or its address is
   taken), its address; if so it clears slot 0, so the tags serve one
   call only.

   Each return of a value of a tagged type writes slot 10, slot 9 (the
   function's id) and, in a function that may be called through a
   pointer, slot 11 (its address).  After the call, a caller of a named
   function takes slot 10 when slot 9 holds the callee's function id; a
   caller through a pointer takes it when slot 11 holds the address it
   called.

   A call into or out of code built without the engine therefore yields
   tag 0, not a stale tag.  The slots are per thread, or one array for the
   whole image with BPFINST_BARE_METAL (tag-slots.c).  */

#define BPFINST_TAG_SLOTS __bpfinst_tag_slots
#define BPFINST_TAG_SLOTS_NAME BPFINST_STR (BPFINST_TAG_SLOTS)

/* The number of slots, the size of the array.  */
#define BPFINST_TAG_SLOTS_SIZE 16

#define BPFINST_SLOT_ARG_CALLEE 0
#define BPFINST_SLOT_ARG0 1
/* Argument tags carried: those of arguments 1 to BPFINST_SLOT_NARGS.  */
#define BPFINST_SLOT_NARGS 8
#define BPFINST_SLOT_RET_FROM 9
#define BPFINST_SLOT_RET_TAG 10
#define BPFINST_SLOT_RET_ADDR 11

/* The function id of the function whose assembler name is NAME: local to
   the translation unit whose main input file is FILE, or public (FILE
   NULL).  The 64-bit FNV-1a hash of NAME's bytes, then FILE's, with the
   low bit set.  */
static inline uint64_t
bpfinst_function_id (const char *name, const char *file)
{
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char *p = name; *p; p++)
    h = (h ^ (unsigned char) *p) * 0x100000001b3ULL;
  if (file)
    for (const char *p = file; *p; p++)
      h = (h ^ (unsigned char) *p) * 0x100000001b3ULL;
  return h | 1;
}

/* Are the slots thread-local (1) or one array for the image (0)?  */
#ifdef BPFINST_BARE_METAL
#define BPFINST_TAG_SLOTS_PER_THREAD 0
#else
#define BPFINST_TAG_SLOTS_PER_THREAD 1
#endif

#if BPFINST_TAG_SLOTS_PER_THREAD
extern __thread uint64_t BPFINST_TAG_SLOTS[BPFINST_TAG_SLOTS_SIZE];
#else
extern uint64_t BPFINST_TAG_SLOTS[BPFINST_TAG_SLOTS_SIZE];
#endif

/* ---------------------------------------------------------------------- */
/* The run-time switch (switch.c): an int, nonzero while the hooks run.
   It starts as BPFINST_ENABLED_INIT (on), and BPFINST_DISABLE in the
   environment clears it at start-up.  Only code built with guards reads
   it: whether the plugin compiles guards in is its own option
   (-fplugin-arg-bpfinst-switch, see plugin.cc).  */

#define BPFINST_ENABLED __bpfinst_enabled
#define BPFINST_ENABLED_NAME BPFINST_STR (BPFINST_ENABLED)
#define BPFINST_ENABLED_INIT 1

extern int BPFINST_ENABLED;

/* ---------------------------------------------------------------------- */
/* The dense tag store (tagstore.c; the layout is in bpfinst/tagstore.h):
   inline code from dense_tag_get/dense_tag_set (emit-tagstore.cc) reads the
   directory, indexes a chunk, and calls the slow path,
   uint64_t BPFINST_DENSE_SLOW_SET (uint64_t addr, uint64_t tag), when
   writing a non-zero tag where no chunk exists.  */

#define BPFINST_DENSE_DIR __bpfinst_dense_dir
#define BPFINST_DENSE_DIR_NAME BPFINST_STR (BPFINST_DENSE_DIR)
#define BPFINST_DENSE_SLOW_SET bpfinst_dense_slow_set
#define BPFINST_DENSE_SLOW_SET_NAME BPFINST_STR (BPFINST_DENSE_SLOW_SET)

/* Block copies and block sets in instrumented code (instrument.cc), when
   the instrumenter keeps tags in the dense store and has no inst_memcpy
   or inst_memset hook of its own: before the copy of LEN bytes from SRC
   to DST, a call of
     void BPFINST_DENSE_COPY (uint64_t dst, uint64_t src, uint64_t len)
   copies their tags (as memmove copies bytes; SRC 0 means bytes that
   code built without the engine produced: their tags become 0); before
   LEN bytes at DST are set to one value, a call of
     void BPFINST_DENSE_SET_RANGE (uint64_t dst, uint64_t len, uint64_t tag)
   gives them the value's tag.  */
#define BPFINST_DENSE_COPY bpfinst_dense_copy
#define BPFINST_DENSE_COPY_NAME BPFINST_STR (BPFINST_DENSE_COPY)
#define BPFINST_DENSE_SET_RANGE bpfinst_dense_set_range
#define BPFINST_DENSE_SET_RANGE_NAME BPFINST_STR (BPFINST_DENSE_SET_RANGE)

/* ---------------------------------------------------------------------- */
/* The wrappers of C library functions (libc-*.c): a call of NAME in
   instrumented code becomes a call of BPFINST_LIBC_WRAPPER (NAME) when
   the instrumenter keeps tags in memory (see instrument.cc).  Which
   functions: bpfinst-libc.h.  */

#define BPFINST_LIBC_WRAPPER(name) __bpfinst_libc_##name
#define BPFINST_LIBC_WRAPPER_PREFIX "__bpfinst_libc_"

/* ---------------------------------------------------------------------- */
/* The native half's functions and marker, declared in bpfinst/native.h
   (runtime.c checks that they agree).  */

/* uint64_t BPFINST_SLOW_CALL (uint64_t funct): what the BPF half's
   slow_call calls (emit-helper.cc).  */
#define BPFINST_SLOW_CALL event_dispatch_slow_call
#define BPFINST_SLOW_CALL_NAME BPFINST_STR (BPFINST_SLOW_CALL)

/* The system-call hook, which the runtime calls (syscall.c).  */
#define BPFINST_BEFORE_SYSCALL event_before_syscall
#define BPFINST_BEFORE_SYSCALL_NAME BPFINST_STR (BPFINST_BEFORE_SYSCALL)

/* Declared by bpfinst/native.h and never defined: a translation unit
   that mentions it is a native half, which the plugin leaves alone.  So
   is one that defines BPFINST_SLOW_CALL or BPFINST_BEFORE_SYSCALL.  */
#define BPFINST_NATIVE_MARKER __bpfinst_native_half
#define BPFINST_NATIVE_MARKER_NAME BPFINST_STR (BPFINST_NATIVE_MARKER)

/* Every object compiled with the plugin references this symbol and the
   runtime archive defines it (runtime.c), so that a link without
   -specs=bpfinst.specs begins its complaints with its name.  No C
   identifier: GAS takes it in quotes.  bpfinst.specs.in names it too (a
   specs file cannot include this header).  */
#define BPFINST_SPECS_MARKER_NAME "__bpfinst_link_with_-specs=bpfinst.specs"

/* ---------------------------------------------------------------------- */
/* The instrumenter's writable data sections: each is a public comdat
   variable of default visibility, one per linked program, named after
   the instrumenter (the 64-bit FNV-1a hash of its BPF object's bytes,
   16 hex digits) and the section (non-alphanumerics made '_'):
   snprintf (buf, size, BPFINST_DATA_NAME_FORMAT,
	     (unsigned long long) id, section).  The runtime does not refer
   to them; the prefix marks them as GCCInst's.  */

#define BPFINST_DATA_NAME_FORMAT "__bpfinst_%016llx%s"

/* ---------------------------------------------------------------------- */
/* BPF maps (maps.c; a GCCInst extension, see bpfinst/maps.h).  Each map
   of the instrumenter is a public comdat variable of default
   visibility, one per linked program like the data sections, holding a
   struct bpfinst_map:
   snprintf (buf, size, BPFINST_MAP_NAME_FORMAT, (unsigned long long) id,
	     name).
   An array map's entries are another such variable
   (BPFINST_MAP_DATA_NAME_FORMAT), zero-filled: entry I at byte
   I * BPFINST_MAP_STRIDE (value_size), which inline code (emit-maps.cc)
   addresses directly.  A hash map's entries are a table the runtime makes
   on first use, reached through TABLE; inline code calls
   BPFINST_MAP_LOOKUP, BPFINST_MAP_UPDATE and BPFINST_MAP_DELETE for it.
   Every translation unit whose hooks use a map also defines, as a comdat
   kept even if unused, the registry BPFINST_MAP_REGISTRY: every map of
   the instrumenter, by which bpfinst_map_find finds them by name.

   The plugin builds the same layouts as GCC trees (emit-decls.cc).  */

#define BPFINST_MAP_NAME_FORMAT "__bpfinst_%016llx_map_%s"
#define BPFINST_MAP_DATA_NAME_FORMAT "__bpfinst_%016llx_mapdata_%s"

/* The values of struct bpfinst_map.type: Linux's BPF_MAP_TYPE_HASH and
   BPF_MAP_TYPE_ARRAY.  */
#define BPFINST_MAP_HASH 1
#define BPFINST_MAP_ARRAY 2

/* The bytes an array map's entry takes: its value's, rounded up to 8
   (so that 64-bit values are aligned, as in Linux's array maps).  */
#define BPFINST_MAP_STRIDE(value_size) (((value_size) + 7u) & ~7u)

/* The results of the map operations: 0, or one of these negative Linux
   errno values (whatever the target's C library numbers them), as the
   kernel's map helpers return.  */
#define BPFINST_MAP_ENOENT 2
#define BPFINST_MAP_E2BIG 7
#define BPFINST_MAP_ENOMEM 12
#define BPFINST_MAP_EBUSY 16
#define BPFINST_MAP_EEXIST 17
#define BPFINST_MAP_EINVAL 22

/* The flags of an update: Linux's BPF_ANY, BPF_NOEXIST, BPF_EXIST.  */
#define BPFINST_MAP_ANY 0
#define BPFINST_MAP_NOEXIST 1
#define BPFINST_MAP_EXIST 2

struct bpfinst_map
{
  const char *name;
  uint32_t type;		/* BPFINST_MAP_HASH or BPFINST_MAP_ARRAY */
  uint32_t key_size;		/* bytes */
  uint32_t value_size;		/* bytes */
  uint32_t max_entries;
  void *data;			/* an array map's entries; NULL for a hash
				   map */
  void *table;			/* a hash map's table, NULL until its first
				   use (set once, atomically) */
};

struct bpfinst_map_registry
{
  uint64_t count;
  struct bpfinst_map *maps[];	/* COUNT of them */
};

#define BPFINST_MAP_REGISTRY __bpfinst_maps
#define BPFINST_MAP_REGISTRY_NAME BPFINST_STR (BPFINST_MAP_REGISTRY)

/* void *BPFINST_MAP_LOOKUP (struct bpfinst_map *, const void *key),
   int BPFINST_MAP_UPDATE (struct bpfinst_map *, const void *key,
			   const void *value, uint64_t flags),
   int BPFINST_MAP_DELETE (struct bpfinst_map *, const void *key):
   bpfinst/maps.h's functions, which inline code calls for hash maps.  */
#define BPFINST_MAP_LOOKUP bpfinst_map_lookup_elem
#define BPFINST_MAP_LOOKUP_NAME BPFINST_STR (BPFINST_MAP_LOOKUP)
#define BPFINST_MAP_UPDATE bpfinst_map_update_elem
#define BPFINST_MAP_UPDATE_NAME BPFINST_STR (BPFINST_MAP_UPDATE)
#define BPFINST_MAP_DELETE bpfinst_map_delete_elem
#define BPFINST_MAP_DELETE_NAME BPFINST_STR (BPFINST_MAP_DELETE)

#ifdef __cplusplus
}
#endif

#endif /* BPFINST_ABI_H */
