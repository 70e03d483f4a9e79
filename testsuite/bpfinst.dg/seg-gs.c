/* Loads and stores through x86's named address spaces (__seg_gs,
   __seg_fs) are left alone: their address is an offset in the segment,
   which a hook would take for a flat address.  */
/* { dg-do run { target x86_64-*-linux* } } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "mem.bpf.c" } */
/* { dg-bpfinst-native "mem-native.c" } */

#include <asm/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef unsigned long long u64;
extern void test_arm (void);
extern int test_no_access (void);
extern int test_store (void *addr, u64 width, u64 value);

static long block[4] = { 21, 22, 23, 24 };

struct pair
{
  int a, b;
};

__attribute__ ((noipa)) long
read_gs (void)
{
  return *(__seg_gs long *) 8;
}

__attribute__ ((noipa)) void
write_gs (long v)
{
  *(__seg_gs long *) 16 = v;
}

__attribute__ ((noipa)) int
read_field (__seg_gs struct pair *p)
{
  return p->b;
}

__attribute__ ((noipa)) void
write_flat (long *p, long v)
{
  *p = v;
}

int
main (void)
{
  if (syscall (SYS_arch_prctl, ARCH_SET_GS, block) != 0)
    return 1;
  test_arm ();
  long v = read_gs ();
  if (!test_no_access () || v != 22)
    return 2;
  test_arm ();
  write_gs (v);
  if (!test_no_access () || block[2] != 22)
    return 3;
  test_arm ();
  int b = read_field ((__seg_gs struct pair *) 24);
  if (!test_no_access () || b != 0)
    return 4;
  /* Flat accesses still reach the hooks.  */
  test_arm ();
  write_flat (&block[3], 5);
  if (!test_store (&block[3], 64, 5))
    return 5;
  return 0;
}
