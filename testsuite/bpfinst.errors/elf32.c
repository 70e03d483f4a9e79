/* The ELF header claims a 32-bit file.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt class32 } */
/* { dg-error "bpfinst: \[^\n\]*: not a 64-bit ELF object" "elf32" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
