/* inst_add defined with one parameter (bpf-gcc -gbtf: BTF says so).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "nargs1.bpf.c" bpf-gcc-g } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add takes 1 argument; the hook has 2" "hook nargs bpf-gcc" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
