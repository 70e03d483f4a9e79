/* The hook reads a register nothing wrote.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "uninit.bpf.c" clang } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: read of uninitialized register r7" "uninit reg" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
