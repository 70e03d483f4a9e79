/* Shows each block copy (the bytes copied, and those they replace) and
   each block set (the value, its tag, and the bytes it replaces).  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3;

static void
show (uint64_t addr, uint64_t len)
{
  const unsigned char *p = (const unsigned char *) (uintptr_t) addr;
  fputc ('"', stderr);
  for (uint64_t i = 0; i < len; i++)
    fputc (p[i] >= ' ' && p[i] < 127 ? p[i] : '.', stderr);
  fputc ('"', stderr);
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    {
      fprintf (stderr, "memcpy %llu bytes: ", (unsigned long long) arg2);
      show (arg1, arg2);
      fprintf (stderr, " over ");
      show (arg0, arg2);
    }
  else
    {
      fprintf (stderr, "memset %llu bytes to %llu (tag %#llx) over ",
	       (unsigned long long) arg2, (unsigned long long) arg1,
	       (unsigned long long) arg3);
      show (arg0, arg2);
    }
  fputc ('\n', stderr);
  return 0;
}
