/* Check the tags the BPF half reports against the calling thread's tag.
   slow_call (1 | TAGS << 8): TAGS should be the thread's tag;
   slow_call (2 | TAGS << 8): TAGS should be 0.  The program announces each
   thread's tag with expect_tag and prints the totals with report.  */
#include <stdio.h>
#include <bpfinst/native.h>

static __thread uint64_t expected;
static unsigned long threads, checks, mismatches;

void
expect_tag (uint64_t tag)
{
  expected = tag;
  __atomic_fetch_add (&threads, 1, __ATOMIC_RELAXED);
}

void
report (void)
{
  fprintf (stderr, "%lu threads, %lu checks, %lu mismatches\n",
	   __atomic_load_n (&threads, __ATOMIC_RELAXED),
	   __atomic_load_n (&checks, __ATOMIC_RELAXED),
	   __atomic_load_n (&mismatches, __ATOMIC_RELAXED));
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  uint64_t kind = funct & 0xff, tags = funct >> 8;
  uint64_t want = kind == 1 ? expected : 0;

  if (kind != 1 && kind != 2)
    return 0;
  __atomic_fetch_add (&checks, 1, __ATOMIC_RELAXED);
  if (tags != want)
    __atomic_fetch_add (&mismatches, 1, __ATOMIC_RELAXED);
  return 0;
}
