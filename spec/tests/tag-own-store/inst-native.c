/* The tags of memory live in a store of this native half's own (libtag's
   sparse store stands for it), not in the dense store: the hooks reach it
   by slow calls, and libtag's wrappers of the C library through the
   callbacks bpfinst_tags_copy, bpfinst_tags_set and
   bpfinst_tags_get_union.  Bytes read from file descriptor N get tag
   1 << N.  */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpfinst/native.h>
#include <bpfinst/tagstore.h>

uint64_t arg0, arg1, arg2;

void
bpfinst_tags_copy (uint64_t dst, uint64_t src, uint64_t len)
{
  if (src == 0)
    bpfinst_sparse_set_range (dst, len, 0);
  else if (dst < src)
    for (uint64_t i = 0; i < len; i++)
      bpfinst_sparse_set (dst + i, bpfinst_sparse_get (src + i));
  else
    for (uint64_t i = len; i-- > 0;)
      bpfinst_sparse_set (dst + i, bpfinst_sparse_get (src + i));
}

void
bpfinst_tags_set (uint64_t dst, uint64_t len, uint64_t tag)
{
  bpfinst_sparse_set_range (dst, len, tag);
}

uint64_t
bpfinst_tags_get_union (uint64_t src, uint64_t len)
{
  return bpfinst_sparse_get_range (src, len);
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  switch (funct)
    {
    case 1:
      return bpfinst_sparse_get_range (arg0, arg1);
    case 2:
      bpfinst_sparse_set_range (arg0, arg1, arg2);
      return 0;
    case 3:
      bpfinst_tags_copy (arg0, arg1, arg2);
      return 0;
    case 4:
      bpfinst_sparse_set_range (arg0, arg1, arg2);
      return 0;
    case 5:
      fprintf (stderr, "1000 / %llu: divisor tag %#llx\n",
	       (unsigned long long) arg0, (unsigned long long) arg1);
      return 0;
    default:
      return 0;
    }
}

uint64_t
event_before_syscall (uint32_t num, uint32_t *drop_syscall, uint64_t a1,
		      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		      uint64_t a6)
{
  (void) a4;
  (void) a5;
  (void) a6;
  if (num != SYS_read || a1 >= 64)
    return 0;
  long r = syscall (SYS_read, (int) a1, (void *) a2, (size_t) a3);
  if (r < 0)
    r = -errno;
  else
    bpfinst_sparse_set_range (a2, (uint64_t) r, 1ull << a1);
  *drop_syscall = 1;
  return (uint64_t) r;
}
