/* The object defines no inst_* function.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "noinst.bpf.c" } */
/* { dg-error "bpfinst: \[^\n\]*: no inst_\\* function" "no inst" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
