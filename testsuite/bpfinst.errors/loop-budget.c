/* A hook whose nested loops run a million iterations (clang): more
   instructions than a hook may run.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "loop-budget.bpf.c" clang } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: hook may run more than 1000000 instructions \\(bound \[0-9\]+\\)" "instruction budget" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
