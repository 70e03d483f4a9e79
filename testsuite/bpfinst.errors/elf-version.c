/* The ELF identification's version byte is 7, not 1 (EV_CURRENT).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt version 7 } */
/* { dg-error "bpfinst: \[^\n\]*: truncated or corrupt ELF: ELF version 7 in the identification bytes, not 1 \\(EV_CURRENT\\)" "elf version" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
