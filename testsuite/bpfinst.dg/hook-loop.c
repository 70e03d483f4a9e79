/* A hook containing a loop (a backward jump in BPF) becomes a GIMPLE loop
   that runs the right number of times, at -O2 and for every addition.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "loop.bpf.c" } */
/* { dg-bpfinst-native "loop-native.c" } */

extern unsigned long long test_steps (void);

__attribute__ ((noipa)) unsigned
add (unsigned a, unsigned b)
{
  return a + b;
}

int
main (void)
{
  /* Collatz steps: 1 -> 0, 6 -> 8, 7 -> 16, 27 -> 100 (capped at 100;
     111 uncapped).  main does no addition of its own.  */
  if (add (1, 1) != 2)
    return 1;
  if (test_steps () != 0)
    return 2;
  if (add (6, 1) != 7)
    return 3;
  if (test_steps () != 8)
    return 4;
  if (add (7, 1) != 8)
    return 5;
  if (test_steps () != 16)
    return 6;
  if (add (27, 1) != 28)
    return 7;
  if (test_steps () != 100)
    return 8;
  return 0;
}
