/* The instrumenter's static data exists once: additions and subtractions
   in two functions all update the same counter.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "shared.bpf.c" } */
/* { dg-bpfinst-native "last-native.c" } */

extern unsigned long long test_last (void);
extern unsigned long long test_last_since (unsigned long long start);

__attribute__ ((noipa)) int
add (int a, int b)
{
  return a + b;
}

__attribute__ ((noipa)) int
sub (int a, int b)
{
  return a - b;
}

/* main itself neither adds nor subtracts.  */
int
main (void)
{
  unsigned long long start;
  if (add (1, 2) != 3)
    return 1;
  start = test_last ();
  if (sub (5, 2) != 3)
    return 2;
  if (test_last_since (start) != 100)
    return 3;
  if (add (3, 4) != 7)
    return 4;
  if (test_last_since (start) != 101)
    return 5;
  if (sub (9, 1) != 8)
    return 6;
  if (test_last_since (start) != 201)
    return 7;
  return 0;
}
