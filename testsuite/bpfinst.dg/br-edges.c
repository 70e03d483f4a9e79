/* An inst_br that looks at its branch's direction runs on the branch's
   edges, where the direction is a constant: each edge increments its
   counter at a constant address (no address computed from the
   condition), and the counts are those of a hook run before the
   branch.  */
/* { dg-do run } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "br-edges.bpf.c" } */
/* { dg-bpfinst-native "br-edges-native.c" } */

extern unsigned long long test_count (int taken);

__attribute__ ((noipa)) int
classify (int x)
{
  if (x > 5)
    return 1;
  return 2;
}

int
main (void)
{
  unsigned long long t0 = test_count (1), f0 = test_count (0);
  int sum = 0;
  sum += classify (9);
  sum += classify (1);
  sum += classify (7);
  unsigned long long t = test_count (1) - t0, f = test_count (0) - f0;
  /* Two taken, one not, in classify; main's own branches come after the
     counts were read.  */
  return !(sum == 4 && t == 2 && f == 1);
}

/* { dg-final { scan-tree-dump-not "\\(char \\* \\{ref-all\\}\\)_\[0-9\]+\\\]" "optimized" } } */
