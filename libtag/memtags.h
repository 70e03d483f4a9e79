/* memtags.h - where the runtime's C library wrappers (libc-*.c) find the
   tags of memory: in the native half's own store when it defines the
   callbacks of bpfinst/tagstore.h (bpfinst_tags_copy, bpfinst_tags_set,
   bpfinst_tags_get_union), else in the dense store.  Internal to the
   runtime.  */

#ifndef BPFINST_MEMTAGS_H
#define BPFINST_MEMTAGS_H

#include <stddef.h>
#include <stdint.h>

#include "bpfinst/tagstore.h"

/* Set by the dense store when it makes its first chunk (tagstore.c):
   until then every tag of the dense store is 0.  */
#define MEMTAGS_DENSE_USED __bpfinst_dense_used
extern int MEMTAGS_DENSE_USED;

#pragma weak bpfinst_tags_copy
#pragma weak bpfinst_tags_set
#pragma weak bpfinst_tags_get_union

/* Does the native half keep memory tags itself?  */
static inline int
memtags_own_store (void)
{
  return bpfinst_tags_get_union != 0;
}

/* Can a byte of memory have a tag other than 0?  Wrappers that find none
   do only the C library's work.  */
static inline int
memtags_active (void)
{
  return (__atomic_load_n (&MEMTAGS_DENSE_USED, __ATOMIC_RELAXED)
	  || memtags_own_store ());
}

static inline uint64_t
memtags_addr (const void *p)
{
  return (uint64_t) (uintptr_t) p;
}

/* The N bytes at DST now hold copies of those at SRC (NULL: bytes of no
   known origin, tag 0).  */
static inline void
memtags_copy (const void *dst, const void *src, size_t n)
{
  if (n == 0)
    return;
  if (bpfinst_tags_copy)
    bpfinst_tags_copy (memtags_addr (dst), memtags_addr (src), n);
  else
    bpfinst_dense_copy (memtags_addr (dst), memtags_addr (src), n);
}

/* The N bytes at DST get tag TAG.  */
static inline void
memtags_set (const void *dst, size_t n, uint64_t tag)
{
  if (n == 0)
    return;
  if (bpfinst_tags_set)
    bpfinst_tags_set (memtags_addr (dst), n, tag);
  else
    bpfinst_dense_set_range (memtags_addr (dst), n, tag);
}

/* The tag of a value computed from the N bytes at SRC.  */
static inline uint64_t
memtags_get (const void *src, size_t n)
{
  if (n == 0)
    return 0;
  if (bpfinst_tags_get_union)
    return bpfinst_tags_get_union (memtags_addr (src), n);
  return bpfinst_dense_get_range (memtags_addr (src), n);
}

#endif /* BPFINST_MEMTAGS_H */
