/* The switch argument takes on or off.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-switch=maybe" } */
/* { dg-bpfinst-inst "count.bpf.c" } */
/* { dg-message "error: bpfinst: argument .switch. takes .on. or .off." "bad switch value" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
