/* A variable index that may reach past the end of a data section
   (clang).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "data-range.bpf.c" clang } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: access at offset \\\[0, 120\\\] of 8 bytes lies outside data section \\.bss \\(64 bytes\\)" "data range" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
