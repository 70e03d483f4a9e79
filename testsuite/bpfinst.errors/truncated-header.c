/* Only the first 40 bytes of a valid object (part of its ELF header).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt truncate 40 } */
/* { dg-error "bpfinst: \[^\n\]*: truncated or corrupt ELF: file too short for an ELF header" "truncated header" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
