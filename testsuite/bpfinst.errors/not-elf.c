/* The instrumenter is a text file.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst-file text } */
/* { dg-error "bpfinst: \[^\n\]*-text.o: not an ELF file" "not elf" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
