/* A map key at a variable offset in the BPF stack frame.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-key-var.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: r2 points into the stack frame at an offset in \\\[-?\[0-9\]+, -?\[0-9\]+\\\]: a map's key or value must be at a constant offset" "variable key offset" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
