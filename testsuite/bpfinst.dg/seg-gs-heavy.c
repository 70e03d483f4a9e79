/* An instrumenter whose hooks read the memory a program accesses (the
   heavy one reads the first byte of each) leaves the accesses through
   __seg_gs alone (regression: the program crashed).  */
/* { dg-do run { target x86_64-*-linux* } } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "../instrumenters/heavy/inst-bpf.c" } */
/* { dg-bpfinst-native "../instrumenters/heavy/inst-native.c" } */

#include <asm/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static long block[4] = { 21, 22, 23, 24 };

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

int
main (void)
{
  if (syscall (SYS_arch_prctl, ARCH_SET_GS, block) != 0)
    return 1;
  write_gs (read_gs () + 1);
  return block[2] != 23;
}
