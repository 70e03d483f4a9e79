/* Checks all six arguments of the program's mmap of 3 pages (12288
   bytes): the file descriptor (5th, 37) and the offset (6th, 8192) come
   from the last two argument registers.  */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <bpfinst/native.h>

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

uint64_t
event_before_syscall (uint32_t num, uint32_t *drop_syscall, uint64_t a1,
		      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		      uint64_t a6)
{
  (void) drop_syscall;
  if (num == SYS_mmap && a2 == 12288)
    fprintf (stderr, "mmap addr %s len %llu prot %s flags %s fd %llu "
	     "offset %llu\n", a1 ? "set" : "null", (unsigned long long) a2,
	     a3 == PROT_READ ? "read" : "other",
	     a4 == MAP_SHARED ? "shared" : "other", (unsigned long long) a5,
	     (unsigned long long) a6);
  return 0;
}
