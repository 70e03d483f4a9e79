/* The registered targets, and the verdict on the others: the program
   stops, with exit status 1 (rather than abort (), so that the message
   is the same under qemu-user, which would add its own).  */
#include <stdio.h>
#include <unistd.h>
#include <bpfinst/native.h>
#include <bpfinst/maps.h>

uint64_t cfi_caller;

void
cfi_allow (void (*fn) (void))
{
  struct bpfinst_map *m = bpfinst_map_find ("cfi_targets");
  uint64_t addr = (uintptr_t) fn;
  uint8_t yes = 1;
  if (m == NULL || bpfinst_map_update_elem (m, &addr, &yes, BPF_ANY) != 0)
    {
      fprintf (stderr, "cfi: cannot register a target\n");
      _exit (2);
    }
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  fprintf (stderr, "cfi: %s makes an indirect call to an address that is "
	   "not a registered target: stopping\n",
	   (const char *) (uintptr_t) cfi_caller);
  fflush (stderr);
  _exit (1);
}
