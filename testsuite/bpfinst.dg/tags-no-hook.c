/* With a tag-using instrumenter, functions that contain no hooked operation
   still pass tags through their calls and returns; compiling them must
   work at -O0 (regression: an internal compiler error in the pass).  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "tagprop.bpf.c" } */

__attribute__ ((noipa)) int
identity (int x)
{
  return x;
}

__attribute__ ((noipa)) int
forty_two (void)
{
  return 42;
}

int
main (void)
{
  return identity (forty_two ()) - 42;
}
