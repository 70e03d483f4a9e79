/* A store 4096 bytes below the frame pointer (the frame has 512).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt stack inst_add } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: stack access out of bounds" "stack bounds" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
