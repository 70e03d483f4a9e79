/* Neither -fplugin-arg-bpfinst-inst nor BPF_INST names an
   instrumenter.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst-file none } */
/* { dg-error "bpfinst: no instrumenter" "no instrumenter" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
