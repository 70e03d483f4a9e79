/* A callee that writes past its caller's array, through the pointer it
   receives, beyond the top of the caller's frame (clang).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "stack-callee.bpf.c" clang } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: stack access by clear through r1 at bytes \\\[-64, 64\\) lies outside the 512-byte frame" "callee range" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
