/* bpfinst/maps.h - BPF maps in instrumenters (a GCCInst extension, not
   part of the engine-neutral contract).

   The BPF half declares its maps as libbpf programs do, as variables of
   section .maps, and uses them with the helpers bpf_map_lookup_elem,
   bpf_map_update_elem and bpf_map_delete_elem:

     struct
     {
       __uint (type, BPF_MAP_TYPE_ARRAY);
       __uint (max_entries, 256);
       __type (key, uint32_t);
       __type (value, uint64_t);
     } counts SEC (".maps");

     uint64_t *v = bpf_map_lookup_elem (&counts, &key);
     if (v)
       __sync_fetch_and_add (v, 1);

   The object must carry BTF (clang -g, bpf-gcc -gbtf), which describes
   the maps.  Two types: BPF_MAP_TYPE_ARRAY (a uint32_t key, the index;
   lookups are inline address computations) and BPF_MAP_TYPE_HASH (any
   key; a thread-safe table of the runtime).  The helpers behave as the
   Linux kernel's: a lookup returns a pointer to the value, or NULL (a
   key not there, or out of an array's range); an update (flags BPF_ANY,
   BPF_NOEXIST or BPF_EXIST) and a delete return 0 or a negative errno
   (-ENOENT, -EEXIST, -E2BIG when the map is full or the index out of
   range, -EINVAL for a bad flag or a delete in an array map, -ENOMEM,
   and -EBUSY for a hash-map operation started while the same thread is
   in one already, from a signal handler).  Values are updated in place,
   and a pointer a lookup returned stays valid: after a delete it may
   point to another key's value.  A map exists once in a program, shared
   by every translation unit and thread, and starts zero-filled (arrays)
   or empty (hash maps).

   For the BPF half, this header provides what libbpf's
   <bpf/bpf_helpers.h> would (__uint, __type, SEC and the three helpers)
   unless that header was included first; it needs no kernel headers.

   The native half reaches the same maps by name, with the functions
   below.  A map can be found once the program has code that uses some
   map of the instrumenter (that code defines the list of maps).  */

#ifndef BPFINST_MAPS_H
#define BPFINST_MAPS_H

#include "common.h"

/* Map types and update flags, as Linux numbers them (include this header
   after <linux/bpf.h> or vmlinux.h, if at all).  */
#if !defined (_UAPI__LINUX_BPF_H__) && !defined (__LINUX_BPF_H__) \
    && !defined (__VMLINUX_H__)
enum
{
  BPF_MAP_TYPE_HASH = 1,
  BPF_MAP_TYPE_ARRAY = 2
};

enum
{
  BPF_ANY = 0,		/* create or update */
  BPF_NOEXIST = 1,	/* create only */
  BPF_EXIST = 2		/* update only */
};
#endif

#if defined (__bpf__) || defined (__BPF__)

/* The BPF half.  */
# ifndef __BPF_HELPERS__
#  define __uint(name, val) int (*name)[val]
#  define __type(name, val) __typeof__ (val) *name
#  ifndef SEC
#   define SEC(name) __attribute__ ((section (name), used))
#  endif
extern void *bpf_map_lookup_elem (void *map, const void *key);
extern long bpf_map_update_elem (void *map, const void *key,
				 const void *value, uint64_t flags);
extern long bpf_map_delete_elem (void *map, const void *key);
# endif

#else

/* The native half.  The functions are thread-safe.  */

# ifdef __cplusplus
extern "C" {
# endif

/* A map of the instrumenter.  */
struct bpfinst_map;

/* The map whose variable in the BPF half is called NAME, or NULL.  */
struct bpfinst_map *bpfinst_map_find (const char *name);

/* Its name, type (BPF_MAP_TYPE_*), key and value sizes in bytes, and
   most entries.  */
const char *bpfinst_map_name (const struct bpfinst_map *map);
uint32_t bpfinst_map_type (const struct bpfinst_map *map);
uint32_t bpfinst_map_key_size (const struct bpfinst_map *map);
uint32_t bpfinst_map_value_size (const struct bpfinst_map *map);
uint32_t bpfinst_map_max_entries (const struct bpfinst_map *map);

/* The helpers' counterparts, with the same results.  */
void *bpfinst_map_lookup_elem (struct bpfinst_map *map, const void *key);
int bpfinst_map_update_elem (struct bpfinst_map *map, const void *key,
			     const void *value, uint64_t flags);
int bpfinst_map_delete_elem (struct bpfinst_map *map, const void *key);

/* Iteration, as libbpf's bpf_map_get_next_key: the key after KEY into
   *NEXT_KEY (the first one when KEY is NULL or not in the map), and 0;
   -ENOENT after the last one.  An array map's keys are its indexes.
   Keys another thread adds or deletes meanwhile may be seen or not.  */
int bpfinst_map_get_next_key (struct bpfinst_map *map, const void *key,
			      void *next_key);

# ifdef __cplusplus
}
# endif

#endif

#endif /* BPFINST_MAPS_H */
