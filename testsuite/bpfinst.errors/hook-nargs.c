/* inst_add defined with three parameters (clang -g: BTF says so).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "nargs.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add takes 3 arguments; the hook has 2" "hook nargs" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
