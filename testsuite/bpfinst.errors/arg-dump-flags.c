/* dump takes GCC's dump flags; bogus is none.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-dump=details-bogus" } */
/* { dg-error "bpfinst: argument .dump. takes GCC.s dump flags joined by .-., as .-fdump-tree-all-FLAGS. does \\(such as .details-lineno.\\), not .bogus." "dump=details-bogus" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
