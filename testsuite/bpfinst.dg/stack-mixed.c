/* One function with two hook instances: inst_sub passes a pointer to
   its struct on the stack to a callee, at constant positions, and keeps
   the stack array that SRA scalarizes (none left at -O2); inst_add
   indexes its array with a variable and gets an addressable array of
   its own, which stays.  Both compute the right values.  */
/* { dg-do run } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "stack-var.bpf.c" } */
/* { dg-bpfinst-native "stack-var-native.c" } */

typedef unsigned long long u64;
extern int test_stack (int op, u64 a, u64 b);
u64 diff;

__attribute__ ((noipa)) u64
add_sub (u64 a, u64 b)
{
  diff = a - b;
  if (!test_stack (1, a, b))
    return 0;
  return a + b;
}

int
main (void)
{
  if (add_sub (1000, 234) != 1234 || diff != 766)
    return 1;
  if (!test_stack (0, 1000, 234))
    return 2;
  if (add_sub (7, 0xfffffff0u) != 0xfffffff7u)
    return 3;
  if (!test_stack (0, 7, 0xfffffff0u))
    return 4;
  return 0;
}

/* { dg-final { scan-tree-dump "bpf_stack_addressed" "optimized" } } */
/* { dg-final { scan-tree-dump-not "bpf_stack\\\\.\[0-9\]" "optimized" } } */
