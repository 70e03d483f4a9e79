/* verbose takes no value.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-verbose=3" } */
/* { dg-error "bpfinst: argument .verbose. takes no value: use .-fplugin-arg-bpfinst-verbose." "verbose=3" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
