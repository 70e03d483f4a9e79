/* The instrumenter path names a folder (unreadable as a file even
   for the superuser).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst-file directory } */
/* { dg-error "bpfinst: \[^\n\]*-dir.o: (cannot open|not an ELF file)" "directory" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
