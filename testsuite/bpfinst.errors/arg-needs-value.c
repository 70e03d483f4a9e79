/* tags needs a value.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-tags" } */
/* { dg-error "bpfinst: argument .tags. needs a value: use .-fplugin-arg-bpfinst-tags=auto\\|off." "tags without value" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
