/* Names the labels the program registered.  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg_target;

static uint64_t labels[4];

void
note_label (int i, void *addr)
{
  labels[i & 3] = (uintptr_t) addr;
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  for (int i = 0; i < 4; i++)
    if (labels[i] == arg_target)
      {
	fprintf (stderr, "indirectbr to label %d\n", i);
	return 0;
      }
  fprintf (stderr, "indirectbr to an unknown address\n");
  return 0;
}
