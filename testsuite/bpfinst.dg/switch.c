/* Switch statements on both sides: the hook switches on the operation's
   width, the program switches on its input.  Each addition counts under
   the code of its width.  */
/* { dg-do run } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "switch.bpf.c" } */
/* { dg-bpfinst-native "count-native.c" } */

extern unsigned long long test_count (unsigned long long code);

__attribute__ ((noipa)) long long
compute (int op, volatile unsigned char *c, short s, int i, long long l)
{
  switch (op)
    {
    case 0:
      return (unsigned char) (*c + 1);
    case 1:
      return (short) (s + i);
    case 2:
      return i + 7;
    case 3:
      return l + 9;
    case 17:
      return (unsigned char) (*c + 2) + (long long) (s + i);
    default:
      return -1;
    }
}

int
main (void)
{
  unsigned char c = 4;
  unsigned long long w8 = test_count (1), w32 = test_count (3);
  unsigned long long w64 = test_count (4);
  /* main itself only subtracts and compares: no addition of its own.  */
  if (compute (0, &c, 1, 2, 3) != 5)
    return 1;
  if (test_count (1) - w8 != 1)
    return 2;
  if (compute (2, &c, 1, 2, 3) != 9)
    return 3;
  if (test_count (3) - w32 != 1)
    return 4;
  if (compute (3, &c, 1, 2, 3) != 12)
    return 5;
  if (test_count (4) - w64 != 1)
    return 6;
  if (compute (9, &c, 1, 2, 3) != -1)
    return 7;
  if (test_count (1) - w8 != 1 || test_count (3) - w32 != 1
      || test_count (4) - w64 != 1)
    return 8;
  if (test_count (5) != 0)
    return 9;
  return 0;
}

/* { dg-final { scan-tree-dump "event_dispatch_slow_call \\(1\\)" "optimized" } } */
/* { dg-final { scan-tree-dump "event_dispatch_slow_call \\(3\\)" "optimized" } } */
/* { dg-final { scan-tree-dump "event_dispatch_slow_call \\(4\\)" "optimized" } } */
/* { dg-final { scan-tree-dump-not "event_dispatch_slow_call \\(5\\)" "optimized" } } */
