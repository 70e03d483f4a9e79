/* The hook calls an extern function that is no engine helper.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "frobnicate.bpf.c" } */
/* { dg-error "bpfinst: \[^\n\]*: unknown helper 'frobnicate'" "unknown helper" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
