/* A hook whose loop is bounded by an operand (clang): it could run
   forever.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "loop-operand.bpf.c" clang } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: loop without a provable bound" "operand loop" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
