/* A variable index that may reach past the top of the stack frame
   (bpf-gcc).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "stack-range.bpf.c" bpf-gcc } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: stack access at offset \\\[-32, 24\\\] of 8 bytes lies outside the 512-byte frame" "stack range" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
