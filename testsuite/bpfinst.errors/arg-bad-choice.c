/* switch takes on or off.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-switch=maybe" } */
/* { dg-error "bpfinst: argument .switch. takes .on. or .off., not .maybe." "switch=maybe" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
